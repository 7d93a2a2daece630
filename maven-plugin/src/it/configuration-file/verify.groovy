// ecobugs.yml at the build's root applies to the module: the 50 ms poll is reported at the CRITICAL severity the file
// gives EB102 and fails check (failOnSeverity: CRITICAL); the 500 ms poll is allowed by the file's maxPollIntervalMs;
// the legacy package is excluded, in its sources and its classes alike.
def log = new File(basedir, 'build.log').text
def module = new File(basedir, 'ward-monitor')
def feed = new File(module, 'src/main/java/org/example/ward/MonitorFeed.java').canonicalPath
assert log.contains("[WARNING] ${feed}:10:16: [EB102] ")
assert !log.contains("${feed}:17:")
assert !log.contains('OldMonitorBridge')
assert log.contains('ecobugs: configuration file ' + new File(basedir, 'ecobugs.yml').canonicalPath)
assert log.contains('1 energy bug in 1 file (EB102: 1); no processing errors; 1 source file and ')
assert log =~ /ecobugs: 1 energy bug at CRITICAL or above \(EB102: 1\), more than the 0 allowed/
def json = new groovy.json.JsonSlurper().parse(new File(module, 'target/ecobugs/ecobugs.json'))
assert json.configurationFile == new File(basedir, 'ecobugs.yml').canonicalPath
assert json.findings*.rule == ['EB102'] && json.findings*.severity == ['CRITICAL']
assert json.findings*.line == [10]
def text = new File(module, 'target/ecobugs/ecobugs.txt').text
assert text.contains('Configuration: ' + new File(basedir, 'ecobugs.yml').canonicalPath + '.')
// The reactor's aggregate shows the same severity, and names the file relative to the root.
def aggregate = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecobugs/ecobugs.json'))
assert aggregate.configurationFile == 'ecobugs.yml'
assert aggregate.findings*.severity == ['CRITICAL']
return true
