package dev.retort.boot.actuate;

import dev.retort.boot.actuate.RetortMigrationsEndpoint.EngineDescriptor;
import dev.retort.boot.actuate.RetortMigrationsEndpoint.MigrationsDescriptor;
import dev.retort.boot.actuate.RetortMigrationsEndpoint.RevisionDescriptor;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * HTTP statuses of {@code /actuator/migrations}, as Boot's health endpoint maps DOWN to 503
 * in its web extension: the body is always the endpoint's JSON, and the status is 503 when
 * the answer lacks everything the database would have told (no engine could be read, or the
 * one engine holding the asked revision could not), so that monitoring notices.
 */
@EndpointWebExtension(endpoint = RetortMigrationsEndpoint.class)
public class RetortMigrationsEndpointWebExtension {

    private final RetortMigrationsEndpoint endpoint;

    public RetortMigrationsEndpointWebExtension(RetortMigrationsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** 200 when at least one engine's database could be read, else 503; the same body either way. */
    @ReadOperation
    public WebEndpointResponse<MigrationsDescriptor> migrations() {
        MigrationsDescriptor body = endpoint.migrations();
        boolean noneRead = !body.engines().isEmpty()
                && body.engines().values().stream().map(EngineDescriptor::error).allMatch(error -> error != null);
        return new WebEndpointResponse<>(body, noneRead ? WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE
                : WebEndpointResponse.STATUS_OK);
    }

    /** 404 for a revision no engine has, 503 (with the file's details) when its database could not be read. */
    @ReadOperation
    public WebEndpointResponse<RevisionDescriptor> revision(@Selector String revision) {
        RevisionDescriptor body = endpoint.revision(revision);
        if (body == null) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return new WebEndpointResponse<>(body, body.error() != null ? WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE
                : WebEndpointResponse.STATUS_OK);
    }
}
