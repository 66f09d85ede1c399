package org.acopi.local.bench;

import java.util.List;
import org.acopi.local.loader.AcoYear;
import org.acopi.reporting.publicreport.PublicCounts;
import org.acopi.scoring.rollup.ApmEntityResult;

/**
 * What one ACO's public report must say once the pipeline has processed the whole program: the public counts at
 * TIN/NPI and TIN level (42 CFR 425.308(b)(9)), enforcement and exemption, and the APM entity PI score, as the
 * {@link ReferencePipeline} computed them. {@code probeTargets} are clinicians scored through their group only,
 * whose individual resubmission changes their score but none of the counts (the latency probes use them).
 */
public record ExpectedReport(AcoYear acoYear, boolean enforced, boolean exempt, PublicCounts providersSuppliers,
                             PublicCounts participants, ApmEntityResult apmEntityScore, int clinicians,
                             List<ProbeTarget> probeTargets) {

    /** A rostered TIN/NPI a latency probe may resubmit for. */
    public record ProbeTarget(String tin, String npi) {
    }

    public ExpectedReport {
        probeTargets = List.copyOf(probeTargets);
    }
}
