// A clean project: check passes, reports are written, no warning of ours is printed.
def log = new File(basedir, 'build.log').text
assert log.contains('ecobugs: No energy bugs found')
assert log.contains('ecobugs: 0 finding(s) at MINOR or above, 0 allowed: passed')
assert log.contains('ecobugs: reusing this build\'s analysis of clean-project')
assert !(log =~ /\[WARNING\] .*: \[EB\d{3}\]/)
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecobugs/ecobugs.json'))
assert json.summary.findings == 0
assert json.summary.sourceFiles == 1
assert json.summary.classFiles == 1
return true
