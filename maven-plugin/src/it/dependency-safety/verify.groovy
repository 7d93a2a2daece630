// Every dependency finding must be safe to follow: no exclusion that drops a used jar, a service provider or a scanned
// module; EB401 says where the dependency is declared whatever the version expression; EB403 sees spring-test in
// compile scope; informational findings are summed up in one log line; a YAML error is reported where it is.
def log = new File(basedir, 'build.log').text
def pom = new File(basedir, 'pom.xml')
def lines = pom.readLines()
def lineOf = { artifact ->
    int at = lines.findIndexOf { it.contains("<artifactId>${artifact}</artifactId>") }
    while (!lines[at].contains('<dependency>')) { at-- }
    at + 1
}
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecobugs/ecobugs.json'))
def messages = { rule -> json.findings.findAll { it.rule == rule }*.message }

// Only the libraries' exclusions are judged here: this project uses Spring for one annotation, so what Spring's own
// dependencies bring in is not what an application would reach.
def exclusions = messages('EB402').findAll { it.contains(' from records-client: ') }
assert exclusions.size() == 1 : "EB402 findings: ${exclusions}"
assert exclusions[0].startsWith('Exclude org.ecobugs.it.libs:legacy-pdf:1.0 from records-client: ')
['legacy-export', 'commons-collections', 'default-formats', 'format-registry', 'patient-web'].each { artifact ->
    assert !json.findings.any { it.message.contains(":${artifact}:") } : "unsafe finding on ${artifact}"
}
assert json.findings.find { it.rule == 'EB402' && it.message == exclusions[0] }.line == lineOf('records-client')

def unused = messages('EB401')
assert unused == [unused.find { it.startsWith('Remove the unused dependency commons-io:commons-io:2.16.1: ') }]
assert !unused[0].contains('inherited')

def testOnly = messages('EB403')
assert testOnly.size() == 1 : "EB403 findings: ${testOnly}"
assert testOnly[0].startsWith('Declare org.springframework:spring-test:6.2.12 with <scope>test</scope>')

assert !log.contains('[EB402]') : 'an informational finding was logged as a warning'
assert log =~ /\[INFO\] ecobugs: \d+ informational findings? \(EB402: \d+\) (is|are) listed in the reports in /
assert log.contains("[WARNING] ${pom.canonicalPath}:${lineOf('commons-io')}:5: [EB401] Remove the unused dependency")

def yamlError = json.processingErrors.find { it.input.endsWith('application.yml') }
assert yamlError != null : "errors: ${json.processingErrors}"
assert yamlError.message.startsWith('Cannot parse: line 3, column 1: ') : yamlError.message
return true
