/**
 * Code that runs again and again on a timer, a periodic task or a loop that sleeps between rounds ({@link
 * PollingContexts}), and what it reads each round ({@link PollingWork}), as the polling rules share them.
 */
package org.ecobugs.rules.checks.polling;
