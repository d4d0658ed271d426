package com.boxoffice.ui.shell;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.function.Supplier;

import com.boxoffice.localredis.LocalRedis;
import com.boxoffice.ui.seatmap.SeatMapViewModel;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The client. The core starts in {@link #init()} (off the FX thread, before any window), the first
 * screen in {@link #start(Stage)}, and everything is closed in {@link #stop()}.
 */
public class BoxOfficeApp extends Application {

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
        PerformanceListViewModel performances = context.getBean(PerformanceListViewModel.class);
        @SuppressWarnings("unchecked")
        Supplier<SeatMapViewModel> seatMaps = context.getBean("seatMapViewModels", Supplier.class);
        Scene scene = new Scene(new ShellView(performances, seatMaps).root(), 1280, 800);
        scene.getStylesheets().add(BoxOfficeApp.class.getResource("/com/boxoffice/ui/theme/client.css").toExternalForm());
        stage.setTitle("Box office");
        stage.setScene(scene);
        stage.show();
        performances.refresh();
    }

    /** The running core, for tests that act on it from outside the window. */
    ConfigurableApplicationContext context() {
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
