package dev.preflight.service;

/**
 * What people already know about a service and checklists ask about: how it runs, whether it keeps
 * data, whether it faces the public internet and whether it handles personal data. A trait left
 * unknown (null) never leaves an item out.
 */
public record ServiceTraits(RunsOn runsOn, Boolean storesData, Boolean publicFacing, Boolean personalData) {

    public static ServiceTraits of(Service service) {
        return new ServiceTraits(service.runsOn, service.storesData, service.publicFacing, service.personalData);
    }
}
