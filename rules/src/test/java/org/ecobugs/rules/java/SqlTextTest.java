package org.ecobugs.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void readsTheTablesOfTheStarsSelect() {
        SqlText.Star star = SqlText.star("SELECT DISTINCT u.* FROM referencedata.users u"
                        + " JOIN referencedata.role_assignments ra ON ra.userid = u.id WHERE ra.programid = :p")
                .orElseThrow();
        assertThat(star.onlyItem()).isTrue();
        assertThat(star.oneRelation()).isTrue();
        assertThat(star.tablesRead()).isEqualTo("referencedata.users");
        assertThat(star.from()).hasSize(2);
    }

    @Test
    void leavesTheJoinsOfSubqueriesOut() {
        SqlText.Star star = SqlText.star("SELECT * FROM programs p WHERE id NOT IN (SELECT id FROM programs p"
                        + " INNER JOIN jv_global_id g ON CAST(p.id AS varchar) = g.local_id)")
                .orElseThrow();
        assertThat(star.oneRelation()).isTrue();
        assertThat(star.tablesRead()).isEqualTo("programs");
    }

    @Test
    void namesEveryTableOfAJoin() {
        SqlText.Star star = SqlText.star("select * from patient p, encounter e left outer join location l on"
                        + " l.id = e.location_id where e.patient_id = p.id")
                .orElseThrow();
        assertThat(star.oneRelation()).isFalse();
        assertThat(star.tablesRead()).isEqualTo("patient, encounter and location");
        assertThat(star.joined()).isEqualTo("encounter and location");
    }

    @Test
    void knowsNoTableOfUnknownText() {
        assertThat(SqlText.star("select * from ?").orElseThrow().tablesRead()).isEmpty();
        assertThat(SqlText.star("select * from (select id from a) x")
                        .orElseThrow()
                        .tablesRead())
                .isEmpty();
    }

    @Test
    void selectsNoColumnInCountsExistsStringsAndComments() {
        assertThat(SqlText.selectsEveryColumn("SELECT COUNT(*) FROM observation"))
                .isFalse();
        assertThat(SqlText.selectsEveryColumn("SELECT id FROM p WHERE EXISTS (SELECT * FROM e)"))
                .isFalse();
        assertThat(SqlText.selectsEveryColumn("SELECT 'select * from x' FROM dual"))
                .isFalse();
        assertThat(SqlText.selectsEveryColumn("SELECT id /* select * */ FROM p -- select *"))
                .isFalse();
        assertThat(SqlText.selectsEveryColumn("SELECT price * quantity FROM order_line"))
                .isFalse();
        assertThat(SqlText.selectsEveryColumn("INSERT INTO archive SELECT * FROM observation"))
                .isTrue();
        assertThat(SqlText.star("SELECT p.*, e.code FROM patient p JOIN encounter e ON e.patient_id = p.id")
                        .orElseThrow()
                        .onlyItem())
                .isFalse();
    }
}
