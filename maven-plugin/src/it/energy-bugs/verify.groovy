// A project with energy bugs: check fails, the warnings are in the log in the IDE-clickable shape, four reports exist;
// the two findings the code marks as intended count nowhere and are listed with their justification.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/org/example/bugs/LabPoller.java').canonicalPath
assert log.contains("[WARNING] ${source}:11:16: [EB101] ")
assert log.contains("[WARNING] ${source}:17:16: [EB102] ")
assert log.contains('BUILD FAILURE')
assert log =~ /ecobugs: 2 energy bugs at MINOR or above \(EB101: 1, EB102: 1\), more than the 0 allowed/
['txt', 'json', 'sarif', 'html'].each { ext ->
    def report = new File(basedir, "target/ecobugs/ecobugs.${ext}")
    assert report.isFile() && report.length() > 0 : "missing ${report}"
}
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecobugs/ecobugs.json'))
assert json.findings*.rule == ['EB101', 'EB102']
assert json.findings[0].file == 'src/main/java/org/example/bugs/LabPoller.java'
assert json.suppressed*.suppression*.kind == ['inSource', 'inSource']
assert json.suppressed*.suppression*.justification.sort() == [
    '@SuppressWarnings("ecobugs:EB102") on awaitHandshake',
    'ecobugs:ignore comment: measured: the latch opens within microseconds']
assert !log.contains("[WARNING] ${source}:25:") && !log.contains("[WARNING] ${source}:32:")
assert log.contains("[INFO] ecobugs: suppressed (ecobugs:ignore comment: measured: the latch opens within microseconds): ${source}:32:16: [EB101] ")
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecobugs/ecobugs.sarif'))
assert sarif.runs[0].results.findAll { !it.suppressions }*.ruleId == ['EB101', 'EB102']
assert sarif.runs[0].results.findAll { it.suppressions }*.suppressions*.kind.flatten() == ['inSource', 'inSource']
assert sarif.runs[0].results.every { it.partialFingerprints['ecobugsFindingHash/v1'] ==~ /[0-9a-f]{32}/ }
assert new File(basedir, 'target/ecobugs/ecobugs.txt').text.contains('2 energy bugs in 1 file')
assert new File(basedir, 'target/ecobugs/ecobugs.html').text.contains('EB101')
return true
