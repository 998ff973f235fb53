package dev.retort.boot.slices;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with JPA, JDBC and a web controller, for the test-slice and JPA tests. */
@SpringBootApplication(proxyBeanMethods = false)
public class SliceApplication {
}
