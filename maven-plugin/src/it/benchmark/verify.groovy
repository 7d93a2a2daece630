// The benchmark goal measures the journey before analyze; analyze ranks the finding by what it cost in the journey.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains("ecobugs' estimate on the same axes as the ANS écoscore")
def benchmark = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecobugs/benchmark.json'))
assert benchmark.kind == 'ecobugs-benchmark'
assert benchmark.steps*.name == ['refresh the board']
assert benchmark.steps[0].fileBytesWritten.median == 12345
assert benchmark.steps[0].sleeps.median >= 2
assert benchmark.energySource in ['MODEL', 'RAPL']
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecobugs/ecobugs.json'))
assert report.findings*.rule == ['EB102']
assert report.runtime.findings[0].rule == 'EB102'
assert report.runtime.findings[0].measured
assert report.runtime.findings[0].steps == ['refresh the board']
assert report.runtime.findings[0].saving.wakeUps >= 1
assert new File(basedir, 'target/ecobugs/ecobugs.html').text.contains('Measured cost')
return true
