package org.acopi.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reporting-service. TINs can be Social Security numbers of sole proprietors, so the operations views show
 * them masked to their last four digits unless {@code acopi.reporting.show-full-tin} is true.
 */
@ConfigurationProperties("acopi.reporting")
public record ReportingProperties(@DefaultValue("false") boolean showFullTin) {
}
