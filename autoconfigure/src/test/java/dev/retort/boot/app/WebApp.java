package dev.retort.boot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest service using the starter: auto-configuration only, no component scan. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class WebApp {

    /** Started as a separate process by the exit-code test. */
    public static void main(String[] args) {
        SpringApplication.run(WebApp.class, args);
    }
}
