package dev.preflight.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineChartTest {

    private static String ruleAt(double x) {
        return new LineChart("c", "Chart", 600, 200).xRange(0, 30, "1 Dec", "31 Dec")
                .line(List.of(new LineChart.Point(0, 0, null)), "line")
                .verticalRule(x, "target 2026-12-31", "target-line").svg("A chart");
    }

    @Test
    void a_rule_label_at_an_edge_is_anchored_inside_the_chart_so_it_is_never_cut() {
        assertThat(ruleAt(30)).contains("text-anchor=\"end\">target 2026-12-31<");
        assertThat(ruleAt(0)).contains("text-anchor=\"start\">target 2026-12-31<");
        assertThat(ruleAt(15)).contains("text-anchor=\"middle\">target 2026-12-31<");
    }
}
