/**
 * HAPI FHIR's fluent client as code writes it ({@link FhirChains}), and what the code reads of the Bundles and
 * resources a search or a read returns: the count, the first entry, the elements of the resources.
 */
package org.ecobugs.rules.checks.fhir;
