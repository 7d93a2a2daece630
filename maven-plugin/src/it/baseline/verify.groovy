// Adopting ecobugs: the baseline recorded at the last release (ecobugs-baseline.json, before awaitDischarges was
// written) hides the two known polls although the new method moved them down; check fails on the one new finding.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/org/example/ward/BedBoard.java').canonicalPath
assert log.contains("[WARNING] ${source}:13:16: [EB101] ")
assert !log.contains("[WARNING] ${source}:19:") && !log.contains("[WARNING] ${source}:25:")
assert log =~ /ecobugs: baseline .*ecobugs-baseline\.json: 2 known findings not counted, 0 of its findings gone/
assert log =~ /ecobugs: 1 energy bug at MINOR or above \(EB101: 1\), more than the 0 allowed/
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecobugs/ecobugs.json'))
assert json.findings*.line == [13]
assert json.suppressed*.suppression*.kind == ['baseline', 'baseline']
assert json.baseline.known == 2 && json.baseline.gone == []
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecobugs/ecobugs.sarif'))
assert sarif.runs[0].results*.baselineState.sort() == ['new', 'unchanged', 'unchanged']
return true
