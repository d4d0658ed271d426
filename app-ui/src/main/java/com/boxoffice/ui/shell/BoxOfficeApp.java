package com.boxoffice.ui.shell;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import com.boxoffice.core.sale.SaleService;
import com.boxoffice.core.shift.ShiftService;
import com.boxoffice.core.staff.StaffDirectory;
import com.boxoffice.core.staff.StaffSession;
import com.boxoffice.core.hold.PerformanceSeatings;
import com.boxoffice.core.sale.OrderLookup;
import com.boxoffice.ui.boxoffice.FindOrderPane;
import com.boxoffice.ui.boxoffice.FindOrderViewModel;
import com.boxoffice.ui.boxoffice.ShiftPane;
import com.boxoffice.ui.demo.DemoCatalog;
import com.boxoffice.ui.boxoffice.ShiftViewModel;
import com.boxoffice.core.sync.SyncClient;
import com.boxoffice.ui.manager.ConflictsPane;
import com.boxoffice.ui.manager.ConflictsViewModel;
import com.boxoffice.ui.manager.ManagerDesk;
import com.boxoffice.ui.signin.SignInView;
import com.boxoffice.ui.signin.SignInViewModel;
import com.boxoffice.localredis.LocalRedis;
import com.boxoffice.ui.boxoffice.BoxOfficeDesk;
import com.boxoffice.ui.common.Fx;
import com.boxoffice.ui.kiosk.KioskDesk;
import com.boxoffice.ui.kiosk.KioskView;
import com.boxoffice.ui.kiosk.KioskViewModel;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Tab;
import javafx.scene.Parent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The client. The core starts in {@link #init()} (off the FX thread, before any window), the first
 * screen in {@link #start(Stage)}, and everything is closed in {@link #stop()}.
 */
public class BoxOfficeApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(BoxOfficeApp.class);

    private LocalRedis redis;
    private ConfigurableApplicationContext context;
    /** Run at stop: closes open tabs (live feeds, held seats) of whichever screen is showing. */
    private Runnable closeScreens = () -> {
    };
    private String[] arguments;

    public BoxOfficeApp() {
    }

    /** A client started with these arguments rather than the launcher's (a second client in one test). */
    public static BoxOfficeApp withArguments(String... arguments) {
        BoxOfficeApp app = new BoxOfficeApp();
        app.arguments = arguments.clone();
        return app;
    }

    @Override
    public void init() {
        ClientConfigFile file = ClientConfigFile.ofThisUser();
        String configured = System.getProperty("boxoffice.holds.redis-url", System.getenv().getOrDefault("BOXOFFICE_REDIS_URL",
                file.get("boxoffice.holds.redis-url", "")));
        redis = LocalRedis.resolve(configured);
        context = new SpringApplicationBuilder(ClientConfiguration.class)
                .web(WebApplicationType.NONE)
                .headless(false)
                .initializers(file.initializer())
                .properties("boxoffice.holds.redis-url=" + redis.url())
                .run(arguments != null ? arguments : getParameters().getRaw().toArray(String[]::new));
        if (context.getBean(ClientProperties.class).demo()) {
            context.getBean(StaffDirectory.class).ensureDemoStaff();
        }
    }

    @Override
    public void start(Stage stage) {
        ClientProperties properties = context.getBean(ClientProperties.class);
        ClientMode mode = properties.clientMode();
        PerformanceListViewModel performances = context.getBean(PerformanceListViewModel.class);
        Parent root;
        if (mode == ClientMode.KIOSK) {
            root = kiosk(stage, properties, performances);
        } else {
            StackPane window = new StackPane();
            signIn(window, mode, properties, performances);
            root = window;
        }
        Scene scene = new Scene(root, 1440, 900);
        scene.getStylesheets().add(BoxOfficeApp.class.getResource("/com/boxoffice/ui/theme/client.css").toExternalForm());
        stage.setTitle(mode.title() + " - " + properties.terminalId());
        stage.setScene(scene);
        stage.show();
        // said once the window is up, so an installer's smoke test (and an operator) can tell it started
        log.info("First screen shown: {} on terminal {}", mode == ClientMode.KIOSK ? "kiosk start screen"
                : mode.title().toLowerCase(java.util.Locale.ROOT) + " sign-in", properties.terminalId());
        performances.refresh();
        recoverInterruptedSales();
    }

    private void signIn(StackPane window, ClientMode mode, ClientProperties properties, PerformanceListViewModel performances) {
        SignInViewModel model = new SignInViewModel(context.getBean(StaffDirectory.class), mode == ClientMode.MANAGER,
                session -> window.getChildren().setAll(shell(window, mode, properties, performances, session)));
        SignInView view = new SignInView(model, mode.title() + " sign-in", "Terminal " + properties.terminalId(),
                properties.demo() ? "Demo accounts: clerk / PIN 1111, manager / PIN 9999." : null);
        window.getChildren().setAll(view.root());
        Platform.runLater(view::focus);
    }

    private Parent shell(StackPane window, ClientMode mode, ClientProperties properties, PerformanceListViewModel performances,
                         StaffSession session) {
        OfflineSelling connection = context.getBean(OfflineSelling.class);
        SyncStatus sync = context.getBean(SyncStatus.class);
        ShellView shell;
        if (mode == ClientMode.MANAGER) {
            ManagerDesk desk = context.getBean(ManagerDesk.class);
            shell = new ShellView(mode, properties.terminalId(), performances, connection, sync,
                    row -> desk.open(row, session));
            addConflicts(shell, desk, session);
        } else {
            BoxOfficeDesk desk = context.getBean(BoxOfficeDesk.class);
            shell = new ShellView(mode, properties.terminalId(), performances, connection, sync,
                    row -> desk.open(row, session::staffId));
            ShiftViewModel shift = new ShiftViewModel(context.getBean(ShiftService.class), properties.terminalId(),
                    session.staffId());
            shell.addTool("shift-tab", "Shift", new ShiftPane(shift).root(),
                    new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), List.of());
            FindOrderViewModel findModel = new FindOrderViewModel(context.getBean(OrderLookup.class),
                    context.getBean(SaleService.class), FindOrderViewModel.names(context.getBean(DemoCatalog.class),
                    context.getBean(PerformanceSeatings.class)), properties.terminalId(), session::staffId,
                    java.time.ZoneId.systemDefault(), given -> desk.exchange(given, () -> openRow(shell, performances,
                    given.performanceId())));
            FindOrderPane find = new FindOrderPane(findModel);
            shell.addTool("find-order-tab", "Find order", find.root(),
                    new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), find.shortcuts())
                    .selectedProperty().addListener((obs, was, is) -> {
                        if (is) {
                            sync.acknowledgeOutcomes();
                            findModel.reload();
                            find.focus();
                        }
                    });
        }
        Button signOut = new Button("Sign out");
        signOut.setId("sign-out");
        signOut.setOnAction(e -> {
            shell.closeAll();
            signIn(window, mode, properties, performances);
        });
        closeScreens = shell::closeAll;
        shell.setUser(session.displayName() + " (" + session.role().name().toLowerCase(java.util.Locale.ROOT) + ")", signOut);
        return shell.root();
    }

    /**
     * The manager's "Conflicts" tool: the sync server's conflicts and the decisions on them, or where
     * they live and how to connect this client when no sync server is configured.
     */
    private void addConflicts(ShellView shell, ManagerDesk desk, StaffSession session) {
        KeyCodeCombination key = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
        SyncClient server = context.getBeanProvider(SyncClient.class).getIfAvailable();
        if (server == null) {
            shell.addTool("conflicts-tab", "Conflicts", ConflictsPane.notConnected(), key, List.of());
            return;
        }
        ConflictsViewModel model = new ConflictsViewModel(server, session.staffId(),
                FindOrderViewModel.names(context.getBean(DemoCatalog.class), context.getBean(PerformanceSeatings.class)),
                desk::selectedSeats, context.getBean(Clock.class), java.time.ZoneId.systemDefault());
        ConflictsPane pane = new ConflictsPane(model);
        Tab tab = shell.addTool("conflicts-tab", "Conflicts", pane.root(), key, pane.shortcuts());
        // the count of open conflicts shows on the tab, so they are seen from every other tab
        tab.textProperty().bind(Bindings.createStringBinding(() -> {
            int open = model.openCountProperty().get();
            return "Conflicts" + (open == 0 ? "" : ": " + open + " open") + "  (" + key.getDisplayText() + ")";
        }, model.openCountProperty()));
        tab.selectedProperty().addListener((obs, was, is) -> {
            if (is) {
                model.refresh();
                pane.focus();
            }
        });
        shell.whenClosing(pane::close);
    }

    /** Opens (or brings forward) the tab of a performance in the list. */
    private static void openRow(ShellView shell, PerformanceListViewModel performances, String performanceId) {
        performances.rows().stream().filter(row -> row.performanceId().equals(performanceId)).findFirst()
                .ifPresent(shell::open);
    }

    /** Full screen with no way out but the kiosk's PIN or a manager's: the close button and the Escape key do nothing. */
    private Parent kiosk(Stage stage, ClientProperties properties, PerformanceListViewModel performances) {
        KioskDesk desk = context.getBean(KioskDesk.class);
        KioskViewModel model = new KioskViewModel(performances, desk, desk::isExitPin, Platform::exit,
                properties.kioskIdleTimeout());
        closeScreens = model::close;
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.setOnCloseRequest(javafx.event.Event::consume);
        // for staff: whether the kiosk's sales have reached the sync server, small in a corner
        Label sync = ShellView.syncStatus(context.getBean(SyncStatus.class));
        sync.getStyleClass().add("kiosk-sync");
        sync.setMouseTransparent(true);
        StackPane.setAlignment(sync, Pos.TOP_RIGHT);
        StackPane.setMargin(sync, new Insets(8, 12, 8, 12));
        return new StackPane(new KioskView(model, desk).root(), sync);
    }

    /** Finishes or unwinds any sale a crash left half-done (the journal says where each stopped). */
    private void recoverInterruptedSales() {
        SaleService sales = context.getBean(SaleService.class);
        Clock clock = context.getBean(Clock.class);
        Fx.inBackground(() -> sales.recover(clock.instant()),
                report -> log.info("Sales left unfinished by the last run: {}", report),
                error -> log.warn("Could not check for unfinished sales: {}", error.toString()));
    }

    /** The running core, for tests that act on it from outside the window. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void stop() {
        closeScreens.run();
        if (context != null) {
            context.close();
        }
        if (redis != null) {
            redis.close();
        }
    }
}
