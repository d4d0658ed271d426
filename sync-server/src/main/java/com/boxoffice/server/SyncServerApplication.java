package com.boxoffice.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.boxoffice.server.admin.StaffCommand;

/** The central server: terminals upload their journals here and download what they sell. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SyncServerApplication {

    public static void main(String[] args) {
        if (StaffCommand.isCommand(args)) {
            System.exit(StaffCommand.run(SyncServerApplication.class, args, System.in, System.out, System.err));
        }
        SpringApplication.run(SyncServerApplication.class, args);
    }
}
