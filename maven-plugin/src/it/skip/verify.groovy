// -Decobugs.skip: both goals say so and do nothing; the energy bugs do not fail the build.
def log = new File(basedir, 'build.log').text
assert log.findAll('ecobugs: skipped').size() == 2
assert log.contains('BUILD SUCCESS')
assert !(log =~ /\[EB\d{3}\]/)
assert !new File(basedir, 'target/ecobugs').exists()
return true
