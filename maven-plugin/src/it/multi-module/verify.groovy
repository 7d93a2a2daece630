// A reactor: one report per module, plus the aggregate of all modules in the top project's target/ecobugs.
def slurp = { path -> new groovy.json.JsonSlurper().parse(new File(basedir, path)) }
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('ecobugs: nothing to analyse in a pom module')
assert log.findAll('ecobugs: reactor aggregate of 3 modules').size() == 1

def core = slurp('clinic-core/target/ecobugs/ecobugs.json')
assert core.summary.findings == 0
def lab = slurp('clinic-lab/target/ecobugs/ecobugs.json')
assert lab.findings*.rule == ['EB308']
assert lab.findings[0].file == 'src/main/java/org/example/lab/LabResults.java'

def aggregate = slurp('target/ecobugs/ecobugs.json')
assert aggregate.findings*.rule == ['EB308']
assert aggregate.findings[0].file == 'clinic-lab/src/main/java/org/example/lab/LabResults.java'
assert aggregate.summary.sourceFiles == 2
['txt', 'sarif', 'html'].each { assert new File(basedir, "target/ecobugs/ecobugs.${it}").isFile() }
// The module depending on the other sees it as a used dependency, not an unused one.
assert !lab.findings.any { it.rule == 'EB401' }
return true
