package com.boxoffice.ui.shell;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boxoffice.core.sale.SaleService;
import com.boxoffice.localredis.LocalRedis;
import com.boxoffice.ui.boxoffice.BoxOfficeDesk;
import com.boxoffice.ui.common.ConnectionMonitor;
import com.boxoffice.ui.common.Fx;
import com.boxoffice.ui.kiosk.KioskDesk;
import com.boxoffice.ui.kiosk.KioskView;
import com.boxoffice.ui.kiosk.KioskViewModel;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.input.KeyCombination;
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

    @Override
    public void init() {
        String configured = System.getProperty("boxoffice.holds.redis-url", System.getenv().getOrDefault("BOXOFFICE_REDIS_URL", ""));
        redis = LocalRedis.resolve(configured);
        context = new SpringApplicationBuilder(ClientConfiguration.class)
                .web(WebApplicationType.NONE)
                .headless(false)
                .properties("boxoffice.holds.redis-url=" + redis.url())
                .run(getParameters().getRaw().toArray(String[]::new));
    }

    @Override
    public void start(Stage stage) {
        ClientProperties properties = context.getBean(ClientProperties.class);
        ClientMode mode = properties.clientMode();
        PerformanceListViewModel performances = context.getBean(PerformanceListViewModel.class);
        Parent root = mode == ClientMode.KIOSK ? kiosk(stage, properties, performances) : shell(mode, properties, performances);
        Scene scene = new Scene(root, 1440, 900);
        scene.getStylesheets().add(BoxOfficeApp.class.getResource("/com/boxoffice/ui/theme/client.css").toExternalForm());
        stage.setTitle(mode.title() + " - " + properties.terminalId());
        stage.setScene(scene);
        stage.show();
        performances.refresh();
        recoverInterruptedSales();
    }

    private Parent shell(ClientMode mode, ClientProperties properties, PerformanceListViewModel performances) {
        ConnectionMonitor connection = context.getBean(ConnectionMonitor.class);
        BoxOfficeDesk desk = context.getBean(BoxOfficeDesk.class);
        ShellView shell = new ShellView(mode, properties.terminalId(), performances, connection,
                row -> desk.open(row, () -> "clerk"));
        return shell.root();
    }

    /** Full screen with no way out but a manager's PIN: the close button and the Escape key do nothing. */
    private Parent kiosk(Stage stage, ClientProperties properties, PerformanceListViewModel performances) {
        KioskDesk desk = context.getBean(KioskDesk.class);
        KioskViewModel model = new KioskViewModel(performances, desk::sale, desk::isManagerPin, Platform::exit,
                properties.kioskIdleTimeout());
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.setOnCloseRequest(javafx.event.Event::consume);
        return new KioskView(model, desk).root();
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
        if (context != null) {
            context.close();
        }
        if (redis != null) {
            redis.close();
        }
    }
}
