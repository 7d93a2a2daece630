/**
 * What loops and per-element lambdas repeat: retry loops ({@link RetryLoops}), the place a finding shows as the
 * repetition ({@link RepeatingContexts}), and the values a loop carries from one iteration to the next (arithmetic
 * updates, sums and concatenations, in source and in bytecode).
 */
package org.ecobugs.rules.checks.loops;
