/**
 * Stand-ins for the few dcm4che 5 types that EB207's fixture calls, with dcm4che's package names, signatures and UID
 * values: dcm4che is published to maven.dcm4che.org only, which the build does not use. They hold no behaviour.
 */
package org.dcm4che3;
