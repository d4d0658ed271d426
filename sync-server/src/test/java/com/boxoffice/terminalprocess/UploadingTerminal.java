package com.boxoffice.terminalprocess;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldAutoConfiguration;
import com.boxoffice.core.sync.OutboxEntryEntity;
import com.boxoffice.core.sync.OutboxRepository;
import com.boxoffice.core.sync.OutboxUploader;
import com.boxoffice.core.sync.SyncAnswer;
import com.boxoffice.core.sync.SyncBatch;
import com.boxoffice.core.sync.SyncClient;
import com.boxoffice.core.sync.SyncSale;
import com.boxoffice.core.sync.TerminalOutbox;

import tools.jackson.databind.json.JsonMapper;

/**
 * A terminal as a process of its own, with its journal in an H2 file, that uploads its outbox to a
 * sync server: the core's outbox, uploader and client, as the box office client runs them. The test
 * that starts it kills it (SIGKILL) at chosen moments and starts it again on the same file.
 *
 * <p>Arguments: H2 file, sync server URL, terminal id, credential, file of sales (one JSON
 * {@link SyncSale} per line, queued when the outbox is empty), batch size, and the moment to stop
 * for the kill: {@code none}, {@code sending:N} (prints {@code SENDING N} as batch N leaves and
 * goes on) or {@code answered:N} (prints {@code ANSWERED N} once batch N's answer has arrived and
 * waits there, before storing it, for the kill).
 */
@SpringBootApplication(exclude = HoldAutoConfiguration.class)
public class UploadingTerminal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String terminalId = args[2];
        String[] stop = args[6].split(":");
        int stopAt = stop.length > 1 ? Integer.parseInt(stop[1]) : -1;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UploadingTerminal.class)
                .web(WebApplicationType.NONE)
                // a terminal's settings (as the client's: every commit on disk at once), not the sync server's application.properties
                .run("--spring.config.name=uploading-terminal", "--spring.datasource.url=jdbc:h2:file:" + args[0] + ";WRITE_DELAY=0",
                        "--spring.datasource.username=sa", "--spring.datasource.password=", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--spring.jpa.open-in-view=false")) {
            OutboxRepository outbox = context.getBean(OutboxRepository.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            if (outbox.count() == 0) {
                List<String> lines = Files.readAllLines(Path.of(args[4]));
                tx.executeWithoutResult(status -> {
                    for (String line : lines) {
                        SyncSale sale = JSON.readValue(line, SyncSale.class);
                        outbox.save(OutboxEntryEntity.append(terminalId, sale.sequence(), TerminalOutbox.SALE, line,
                                sale.saleId(), Instant.now()));
                    }
                });
                out.println("QUEUED " + lines.size());
            }
            int[] batch = {0};
            SyncClient client = new SyncClient(URI.create(args[1]), args[3], Duration.ofSeconds(60)) {
                @Override
                public SyncAnswer send(SyncBatch sent) {
                    batch[0]++;
                    if (stop[0].equals("sending") && batch[0] == stopAt) {
                        out.println("SENDING " + batch[0]);
                    }
                    SyncAnswer answer = super.send(sent);
                    if (stop[0].equals("answered") && batch[0] == stopAt) {
                        out.println("ANSWERED " + batch[0]);
                        sleepForTheKill();
                    }
                    return answer;
                }
            };
            OutboxUploader uploader = new OutboxUploader(outbox, client, terminalId, tx, Clock.systemUTC(),
                    Integer.parseInt(args[5]));
            OutboxUploader.UploadReport report = uploader.uploadAll(progress -> out.println("DELIVERED " + progress.sent()));
            out.println("DONE " + report.sent() + " waiting=" + uploader.waiting());
        }
    }

    private static void sleepForTheKill() {
        try {
            Thread.sleep(Duration.ofMinutes(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
