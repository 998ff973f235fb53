package dev.retort.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {

    @TempDir
    Path folder;

    private final Map<String, String> environment = new HashMap<>();

    private Settings resolve(Map<String, String> flags) {
        return new SettingsResolver(folder, environment).resolve(flags);
    }

    private void write(String relative, String content) throws Exception {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void withNothingConfiguredThereIsNoUrlAndTheDefaultFolderAsFilesystemLocation() {
        Settings settings = resolve(Map.of());
        assertThat(settings.url()).isNull();
        assertThat(settings.locations())
                .containsExactly("filesystem:" + folder.resolve("src/main/resources/db/migrations").toAbsolutePath());
        assertThat(settings.sourceOf("locations")).startsWith("default");
    }

    @Test
    void flagsWinOverVariablesWhichWinOverThePropertiesFileWhichWinsOverTheApplicationProperties() throws Exception {
        write("src/main/resources/application.properties", """
                spring.datasource.url=jdbc:h2:mem:app
                spring.datasource.username=app_user
                spring.datasource.password=app_secret
                retort.schema=app_schema
                retort.locations=classpath:db/app
                retort.version-table=app_version
                """);
        write("retort.properties", "url=jdbc:h2:mem:file\nuser=file_user\nschema=file_schema\n");
        environment.put("RETORT_URL", "jdbc:h2:mem:env");
        environment.put("RETORT_SCHEMA", "env_schema");

        Settings settings = resolve(Map.of("schema", "flag_schema"));

        assertThat(settings.schema()).isEqualTo("flag_schema");
        assertThat(settings.sourceOf("schema")).isEqualTo("--schema");
        assertThat(settings.url()).isEqualTo("jdbc:h2:mem:env");
        assertThat(settings.sourceOf("url")).isEqualTo("RETORT_URL");
        assertThat(settings.user()).isEqualTo("file_user");
        assertThat(settings.sourceOf("user")).isEqualTo("retort.properties");
        assertThat(settings.password()).isEqualTo("app_secret");
        assertThat(settings.sourceOf("password")).isEqualTo("src/main/resources/application.properties (spring.datasource.password)");
        assertThat(settings.locations()).containsExactly("classpath:db/app");
        assertThat(settings.versionTable()).isEqualTo("app_version");
    }

    @Test
    void anEmptyVariableCountsAsUnset() throws Exception {
        write("retort.properties", "url=jdbc:h2:mem:file\n");
        environment.put("RETORT_URL", "");
        assertThat(resolve(Map.of()).url()).isEqualTo("jdbc:h2:mem:file");
    }

    @Test
    void retortPropertiesInTheApplicationWinOverTheSpringDataSource() throws Exception {
        write("src/main/resources/application.properties", """
                spring.datasource.url=jdbc:h2:mem:app
                spring.datasource.username=app_user
                spring.datasource.password=app_secret
                retort.url=jdbc:h2:mem:ddl
                retort.user=ddl_user
                """);
        Settings settings = resolve(Map.of());
        assertThat(settings.url()).isEqualTo("jdbc:h2:mem:ddl");
        assertThat(settings.user()).isEqualTo("ddl_user");
        // The application's password belongs to the application's account, not to retort.url's.
        assertThat(settings.password()).isNull();
    }

    @Test
    void applicationYamlIsReadWithProfileDocumentsLeftOut() throws Exception {
        write("src/main/resources/application.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://localhost/app
                    username: app
                retort:
                  locations:
                    - classpath:db/one
                    - classpath:db/two
                ---
                spring:
                  config:
                    activate:
                      on-profile: prod
                  datasource:
                    url: jdbc:postgresql://prod/app
                """);
        Settings settings = resolve(Map.of());
        assertThat(settings.url()).isEqualTo("jdbc:postgresql://localhost/app");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.locations()).containsExactly("classpath:db/one", "classpath:db/two");
        assertThat(settings.sourceOf("url")).isEqualTo("src/main/resources/application.yml (spring.datasource.url)");
    }

    @Test
    void placeholdersInTheApplicationPropertiesAreResolvedFromTheEnvironmentOrTheirDefault() throws Exception {
        write("src/main/resources/application.properties", """
                spring.datasource.url=${DB_URL:jdbc:h2:mem:fallback}
                spring.datasource.password=${DB_PASSWORD}
                """);
        environment.put("DB_PASSWORD", "from-env");
        Settings settings = resolve(Map.of());
        assertThat(settings.url()).isEqualTo("jdbc:h2:mem:fallback");
        assertThat(settings.password()).isEqualTo("from-env");
    }

    @Test
    void anUnresolvablePlaceholderNamesTheFileThePropertyAndTheWayOut() throws Exception {
        write("src/main/resources/application.properties", "spring.datasource.url=${DB_URL}\n");
        assertThatThrownBy(() -> resolve(Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("application.properties")
                .hasMessageContaining("spring.datasource.url")
                .hasMessageContaining("${DB_URL}")
                .hasMessageContaining("--url");
    }

    @Test
    void anUnknownKeyInRetortPropertiesIsAnErrorWithItsLineAndTheNearestKey() throws Exception {
        write("retort.properties", "# comment\nurl=jdbc:h2:mem:x\nusr=sa\n");
        assertThatThrownBy(() -> resolve(Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("retort.properties:3: unknown setting 'usr'; did you mean 'user'?");
    }

    @Test
    void bareFoldersAndRelativeFilesystemLocationsBecomeAbsoluteAgainstTheWorkingFolder() {
        Settings settings = resolve(Map.of("locations", "migrations, filesystem:other/dir ,classpath:db/x"));
        assertThat(settings.locations()).containsExactly(
                "filesystem:" + folder.resolve("migrations"),
                "filesystem:" + folder.resolve("other/dir"),
                "classpath:db/x");
    }

    @Test
    void aLocationWithAnUnknownPrefixIsRefused() {
        assertThatThrownBy(() -> resolve(Map.of("locations", "file:/x")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("'file:/x' (from --locations) has an unknown prefix 'file:'");
    }

    @Test
    void theLockTimeoutIsTakenFromEachSourceInTurnAndParsedAsSpringBootDoes() throws Exception {
        assertThat(resolve(Map.of()).lockTimeout()).as("unset: the engine's default").isNull();
        write("src/main/resources/application.yml", "retort:\n  lock-timeout: 2m\n");
        assertThat(resolve(Map.of()).lockTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(resolve(Map.of()).sourceOf("lock-timeout"))
                .isEqualTo("src/main/resources/application.yml (retort.lock-timeout)");
        write("retort.properties", "lock-timeout=PT45S\n");
        assertThat(resolve(Map.of()).lockTimeout()).isEqualTo(Duration.ofSeconds(45));
        environment.put("RETORT_LOCK_TIMEOUT", "1500");
        assertThat(resolve(Map.of()).lockTimeout()).as("a bare number is milliseconds").isEqualTo(Duration.ofMillis(1500));
        Settings flag = resolve(Map.of("lock-timeout", "5s"));
        assertThat(flag.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(flag.sourceOf("lock-timeout")).isEqualTo("--lock-timeout");
    }

    @Test
    void aBadLockTimeoutNamesItsSourceTheValueAndWhatIsExpected() throws Exception {
        write("src/main/resources/application.properties", "retort.lock-timeout=10 minutes\n");
        assertThatThrownBy(() -> resolve(Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("Invalid lock timeout from src/main/resources/application.properties (retort.lock-timeout): "
                        + "'10 minutes' is not a duration; expected " + Durations.EXPECTED + ".");
        write("retort.properties", "lock-timeout=-1s\n");
        assertThatThrownBy(() -> resolve(Map.of()))
                .hasMessage("Invalid lock timeout from retort.properties: '-1s' is negative; expected " + Durations.EXPECTED + ".");
    }

    @Test
    void theVariableForEachSettingFollowsOneRule() {
        assertThat(SettingsResolver.KEYS.stream().map(SettingsResolver::variableName).toList())
                .contains("RETORT_URL", "RETORT_USER", "RETORT_PASSWORD", "RETORT_SCHEMA", "RETORT_LOCATIONS",
                        "RETORT_VERSION_TABLE", "RETORT_LOCK_TIMEOUT");
    }

    @Test
    void settingsNeverShowThePasswordWhenPrinted() {
        Settings settings = resolve(Map.of("url", "jdbc:postgresql://h/db?user=u&password=hunter22",
                "password", "hunter22"));
        assertThat(settings.toString()).doesNotContain("hunter22").contains("password=***");
        assertThat(List.of(settings.maskedUrl())).containsExactly("jdbc:postgresql://h/db?user=u&password=***");
    }
}
