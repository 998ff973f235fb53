package dev.retort.boot.actuate;

import java.util.List;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;

/**
 * Adds the {@code migrations} health contributor to the {@code readiness} group, so
 * {@code /actuator/health/readiness} answers 503 while revisions are pending, a run is in
 * progress, or a run failed with {@code retort.on-failure=continue}. The last case is why
 * this exists: after a failed run Spring Boot still publishes {@code ACCEPTING_TRAFFIC},
 * and only a member of the group can keep the probe failing. Runs after Spring Boot's own
 * post-processor, which creates the probe groups.
 */
public class MigrationsReadinessGroupsPostProcessor implements HealthEndpointGroupsPostProcessor, Ordered {

    static final String READINESS = "readiness";

    private final String contributorName;

    public MigrationsReadinessGroupsPostProcessor(String contributorName) {
        this.contributorName = contributorName;
    }

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        if (groups.get(READINESS) == null) {
            return groups;
        }
        return new Groups(groups, contributorName);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static final class Groups implements HealthEndpointGroups, AdditionalPathsMapper {

        private final HealthEndpointGroups delegate;
        private final HealthEndpointGroup readiness;

        Groups(HealthEndpointGroups delegate, String contributorName) {
            this.delegate = delegate;
            this.readiness = new WithMember(delegate.get(READINESS), contributorName);
        }

        @Override
        public HealthEndpointGroup getPrimary() {
            return delegate.getPrimary();
        }

        @Override
        public Set<String> getNames() {
            return delegate.getNames();
        }

        @Override
        public HealthEndpointGroup get(String name) {
            return READINESS.equals(name) ? readiness : delegate.get(name);
        }

        @Override
        public List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
            if (delegate instanceof AdditionalPathsMapper mapper) {
                return mapper.getAdditionalPaths(endpointId, webServerNamespace);
            }
            return null;
        }
    }

    private static final class WithMember implements HealthEndpointGroup {

        private final HealthEndpointGroup delegate;
        private final String member;

        WithMember(HealthEndpointGroup delegate, String member) {
            this.delegate = delegate;
            this.member = member;
        }

        @Override
        public boolean isMember(String name) {
            return member.equals(name) || delegate.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return delegate.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return delegate.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return delegate.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return delegate.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return delegate.getAdditionalPath();
        }
    }
}
