package org.acopi.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.acopi.support.security.AccessProperties.Role;
import org.junit.jupiter.api.Test;

class AccessPropertiesTest {

    @Test
    void usersWithRolesAndPasswordsThatContainColons() {
        List<AccessProperties.User> users = new AccessProperties(
                "ops:s3cret:operations, sre:{bcrypt}$2a$10$abc:def:operator,lead:x:operations+OPERATOR,", null, null)
                .parsedUsers();

        assertThat(users).extracting(AccessProperties.User::name).containsExactly("ops", "sre", "lead");
        assertThat(users.get(1).password()).isEqualTo("{bcrypt}$2a$10$abc:def");
        assertThat(users.get(2).roles()).containsExactly(Role.OPERATIONS, Role.OPERATOR);
        assertThat(new AccessProperties(null, null, null).parsedUsers()).isEmpty();
    }

    @Test
    void aBadEntryStopsStartUpWithoutShowingItsPassword() {
        assertThatThrownBy(() -> new AccessProperties("ops:hunter2", null, null).parsedUsers())
                .hasMessageContaining("entry 1").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new AccessProperties("ok:pw:operator,ops:hunter2:admin", null, null).parsedUsers())
                .hasMessageContaining("entry 2").hasMessageContaining("'admin'").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new AccessProperties("ehr:hunter2:submitter", null, null).parsedUsers())
                .hasMessageContaining("ACOPI_SUBMITTERS");
    }

    @Test
    void thePublicPathsAreThePublicReportAndHealthOnly() {
        assertThat(new AccessProperties(null, null, null).publicPaths())
                .contains("/acos/*/public-reporting/*", "/api/v1/acos/*/public-reports/*", "/actuator/health")
                .noneMatch(path -> path.contains("participants") || path.contains("preview") || path.contains("console"));
    }
}
