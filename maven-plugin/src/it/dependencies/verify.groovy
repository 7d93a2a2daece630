// No false "unused" for a constant, a source annotation, a ServiceLoader provider and a JDBC driver; one EB403 for
// the test-only dependency; the unused one found at its POM line; the listed one suppressed.
def log = new File(basedir, 'build.log').text
def pom = new File(basedir, 'pom.xml')
def lines = pom.readLines()
def lineOf = { artifact ->
    int at = lines.findIndexOf { it.contains("<artifactId>${artifact}</artifactId>") }
    while (!lines[at].contains('<dependency>')) { at-- }
    at + 1
}
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecobugs/ecobugs.json'))
def unused = json.findings.findAll { it.rule == 'EB401' }
assert unused.size() == 1 : "EB401 findings: ${unused*.message}"
assert unused[0].message.startsWith('Remove the unused dependency commons-io:commons-io:2.16.1')
assert unused[0].file == 'pom.xml' && unused[0].line == lineOf('commons-io')
def testOnly = json.findings.findAll { it.rule == 'EB403' }
assert testOnly.size() == 1
assert testOnly[0].message.startsWith('Declare org.assertj:assertj-core:3.27.7 with <scope>test</scope>')
assert testOnly[0].line == lineOf('assertj-core')
['commons-lang3', 'javax.annotation-api', 'slf4j-simple', 'h2'].each { artifact ->
    assert !json.findings.any { it.message.contains(":${artifact}:") } : "false finding on ${artifact}"
}
assert json.suppressed*.message.any { it.contains('commons-codec:commons-codec:1.17.1') }
assert log.contains("[WARNING] ${pom.canonicalPath}:${lineOf('commons-io')}:5: [EB401] Remove the unused dependency commons-io")
return true
