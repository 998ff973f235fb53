package dev.retort.boot.slices;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A controller that needs no database, for the @WebMvcTest slice. */
@RestController
public class GreetingController {

    @GetMapping("/hello")
    public String hello() {
        return "hello";
    }
}
