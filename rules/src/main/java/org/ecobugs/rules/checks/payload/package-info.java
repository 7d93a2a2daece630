/**
 * How code configures and uses the serializers that produce payloads: where indentation set in code is meant
 * for people (a formatter, a file, a condition) rather than for every payload.
 */
package org.ecobugs.rules.checks.payload;
