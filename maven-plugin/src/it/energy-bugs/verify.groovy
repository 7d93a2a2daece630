// A project with energy bugs: check fails, the warnings are in the log in the IDE-clickable shape, four reports exist.
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
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecobugs/ecobugs.sarif'))
assert sarif.runs[0].results*.ruleId == ['EB101', 'EB102']
assert new File(basedir, 'target/ecobugs/ecobugs.txt').text.contains('2 energy bugs in 1 file')
assert new File(basedir, 'target/ecobugs/ecobugs.html').text.contains('EB101')
return true
