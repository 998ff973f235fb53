package dev.retort.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What operators see of an error never includes a password. */
class RedactionTest {

    @Test
    void masksPasswordParametersOfJdbcUrls() {
        assertThat(Redaction.mask("jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=app&password=<masked>&ssl=true");
        assertThat(Redaction.mask("jdbc:sqlserver://db;user=app;password=s3cret;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=app;password=<masked>;encrypt=true");
    }

    @Test
    void masksUserInfoInUrls() {
        assertThat(Redaction.mask("cannot reach postgres://admin:s3cret@db:5432/app"))
                .isEqualTo("cannot reach postgres://admin:<masked>@db:5432/app");
    }

    @Test
    void masksPasswordLiteralsOfQuotedStatements() {
        assertThat(Redaction.mask("Statement: CREATE USER reporting PASSWORD 'x-y-z' failed"))
                .isEqualTo("Statement: CREATE USER reporting PASSWORD '<masked>' failed");
        assertThat(Redaction.mask("CREATE USER 'r'@'%' IDENTIFIED BY 'x-y-z'"))
                .isEqualTo("CREATE USER 'r'@'%' IDENTIFIED BY '<masked>'");
        assertThat(Redaction.mask("ALTER ROLE r WITH PASSWORD='abc'")).doesNotContain("abc").contains("<masked>");
    }

    @Test
    void masksUserNamesThatDriversQuoteWhenALoginFails() {
        assertThat(Redaction.mask("FATAL: password authentication failed for user \"app_owner\""))
                .isEqualTo("FATAL: password authentication failed for user \"<masked>\"");
        assertThat(Redaction.mask("FATAL: role \"app_owner\" does not exist"))
                .isEqualTo("FATAL: role \"<masked>\" does not exist");
        assertThat(Redaction.mask("no pg_hba.conf entry for host \"10.0.0.7\", user \"app_owner\", database \"shop\""))
                .isEqualTo("no pg_hba.conf entry for host \"10.0.0.7\", user \"<masked>\", database \"shop\"");
        assertThat(Redaction.mask("(conn=12) Access denied for user 'app_owner'@'10.0.0.7' (using password: YES)"))
                .isEqualTo("(conn=12) Access denied for user '<masked>'@'10.0.0.7' (using password: YES)");
    }

    @Test
    void leavesOrdinaryMessagesAlone() {
        String message = "Revision aa02 (add customer) failed at line 6: Table \"ORDERZ\" not found";
        assertThat(Redaction.mask(message)).isEqualTo(message);
    }
}
