package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionIdsTest {

    @Test
    void generatedIdsAreTwelveLowercaseHexDigitsAndDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RevisionIds.generate();
            assertThat(id).matches("[0-9a-f]{12}");
            assertThat(RevisionIds.isValid(id)).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void reservedAndMalformedIdsAreNotValid() {
        assertThat(RevisionIds.isValid("head")).isFalse();
        assertThat(RevisionIds.isValid("a-b")).isFalse();
        assertThat(RevisionIds.isValid("x".repeat(33))).isFalse();
        assertThat(RevisionIds.isValid("Add_Users_2")).isTrue();
    }
}
