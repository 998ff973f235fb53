package dev.retort.boot.slices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retort.Retort;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** A web slice has no database; Retort stays out of it instead of failing it. */
@WebMvcTest(GreetingController.class)
class WebMvcSliceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutADatabase() throws Exception {
        mvc.perform(get("/hello")).andExpect(status().isOk()).andExpect(content().string("hello"));
        assertThat(context.getBeanNamesForType(Retort.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
    }
}
