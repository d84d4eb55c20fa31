package dev.preflight.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.preflight.service.RunsOn;
import dev.preflight.service.ServiceTraits;

/**
 * When an item applies, by what is known of the service: how it runs (any of the listed ways), and
 * whether it stores data, faces the public or handles personal data. Every condition given must
 * hold; a trait the service leaves unknown never leaves an item out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "runsOn", "storesData", "publicFacing", "personalData" })
public record Applicability(List<RunsOn> runsOn, Boolean storesData, Boolean publicFacing, Boolean personalData) {

    public Applicability {
        runsOn = runsOn == null ? List.of() : List.copyOf(runsOn);
    }

    /** Whether the condition asks nothing (the item always applies). */
    @JsonIgnore
    public boolean isEmpty() {
        return runsOn.isEmpty() && storesData == null && publicFacing == null && personalData == null;
    }

    /** Why the item does not apply to a service with these traits ("the service runs as serverless functions"); empty when it applies. */
    public Optional<String> leftOutBecause(ServiceTraits traits) {
        List<String> because = new ArrayList<>();
        if (!runsOn.isEmpty() && traits.runsOn() != null && !runsOn.contains(traits.runsOn())) {
            because.add("the service runs " + traits.runsOn().manner() + " (the item is for services that run "
                    + runsOn.stream().map(RunsOn::manner).collect(Collectors.joining(" or ")) + ")");
        }
        differs(storesData, traits.storesData(), "stores data", "stores no data", because);
        differs(publicFacing, traits.publicFacing(), "is public", "is not public", because);
        differs(personalData, traits.personalData(), "handles personal data", "handles no personal data", because);
        return because.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", because));
    }

    /** The condition in words, for the template's pages: "runs in containers or on Kubernetes; stores data". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!runsOn.isEmpty()) {
            parts.add("runs " + runsOn.stream().map(RunsOn::manner).collect(Collectors.joining(" or ")));
        }
        describe(storesData, "stores data", "stores no data", parts);
        describe(publicFacing, "is public", "is not public", parts);
        describe(personalData, "handles personal data", "handles no personal data", parts);
        return String.join("; ", parts);
    }

    private static void differs(Boolean wanted, Boolean known, String yes, String no, List<String> because) {
        if (wanted != null && known != null && !wanted.equals(known)) {
            because.add("the service " + (known ? yes : no));
        }
    }

    private static void describe(Boolean wanted, String yes, String no, List<String> parts) {
        if (wanted != null) {
            parts.add(wanted ? yes : no);
        }
    }
}
