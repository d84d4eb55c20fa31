package dev.preflight.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A small line chart drawn on the server as SVG: one line of points, optional dots with a class each,
 * horizontal and vertical reference lines with labels, a title and a text alternative (for screen
 * readers, and for anyone who wants the numbers). No script, no external resource; text is escaped.
 */
public final class LineChart {

    private static final int PAD_X = 40;
    private static final int PAD_Y = 22;
    /** An upper bound of the width of one character of a label, in the chart's units. */
    private static final double LABEL_CHAR_WIDTH = 7;

    /** A point at x (in the chart's own unit, such as days) and y; {@code dotClass} null draws no dot. */
    public record Point(double x, double y, String dotClass) {
    }

    private record Rule(double at, String label, String cssClass) {
    }

    private final String id;
    private final String title;
    private final int width;
    private final int height;
    private final List<Point> points = new ArrayList<>();
    private final List<Rule> horizontal = new ArrayList<>();
    private final List<Rule> vertical = new ArrayList<>();
    private String lineClass = "chart-line";
    private double xMin;
    private double xMax = 1;
    private double yMax = 1;
    private String xStartLabel = "";
    private String xEndLabel = "";
    private String yMaxLabel;

    /** @param id unique on the page: the title and description are referenced by it */
    public LineChart(String id, String title, int width, int height) {
        this.id = id;
        this.title = title;
        this.width = width;
        this.height = height;
    }

    public LineChart line(List<Point> line, String cssClass) {
        points.addAll(line);
        lineClass = cssClass;
        return this;
    }

    public LineChart xRange(double min, double max, String startLabel, String endLabel) {
        xMin = min;
        xMax = max > min ? max : min + 1;
        xStartLabel = startLabel;
        xEndLabel = endLabel;
        return this;
    }

    /** The top of the y axis (at least 1), labelled. */
    public LineChart yMax(double max, String label) {
        yMax = Math.max(1, max);
        yMaxLabel = label;
        return this;
    }

    public LineChart horizontalRule(double y, String label, String cssClass) {
        horizontal.add(new Rule(y, label, cssClass));
        return this;
    }

    public LineChart verticalRule(double x, String label, String cssClass) {
        vertical.add(new Rule(x, label, cssClass));
        return this;
    }

    /** The SVG, with {@code description} as its text alternative. */
    public String svg(String description) {
        StringBuilder svg = new StringBuilder(1024 + points.size() * 64);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"").append(id).append("-title\">")
                .append(escape(title)).append("</title><desc id=\"").append(id).append("-desc\">")
                .append(escape(description)).append("</desc>");
        line(svg, PAD_X, width - PAD_X / 2.0, y(0), y(0), "chart-axis");
        if (yMaxLabel != null) {
            text(svg, PAD_X - 4, y(yMax) + 4, "end", yMaxLabel);
        }
        text(svg, PAD_X, height - 4, null, xStartLabel);
        text(svg, width - PAD_X / 2.0, height - 4, "end", xEndLabel);
        for (Rule rule : horizontal) {
            line(svg, PAD_X, width - PAD_X / 2.0, y(rule.at), y(rule.at), rule.cssClass);
            text(svg, PAD_X + 4, y(rule.at) - 4, null, rule.label);
        }
        for (Rule rule : vertical) {
            line(svg, x(rule.at), x(rule.at), PAD_Y / 2.0, y(0), rule.cssClass);
            text(svg, x(rule.at), PAD_Y / 2.0 - 2, anchorInside(x(rule.at), rule.label), rule.label);
        }
        if (!points.isEmpty()) {
            svg.append("<polyline points=\"");
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                svg.append(i == 0 ? "" : " ");
                number(svg, x(p.x())).append(',');
                number(svg, y(p.y()));
            }
            svg.append("\" class=\"").append(lineClass).append("\"/>");
            for (Point p : points) {
                if (p.dotClass() != null) {
                    svg.append("<circle cx=\"");
                    number(svg, x(p.x())).append("\" cy=\"");
                    number(svg, y(p.y())).append("\" r=\"4\" class=\"").append(p.dotClass()).append("\"/>");
                }
            }
        }
        return svg.append("</svg>").toString();
    }

    private static void line(StringBuilder svg, double x1, double x2, double y1, double y2, String cssClass) {
        svg.append("<line x1=\"");
        number(svg, x1).append("\" x2=\"");
        number(svg, x2).append("\" y1=\"");
        number(svg, y1).append("\" y2=\"");
        number(svg, y2).append("\" class=\"").append(cssClass).append("\"/>");
    }

    /** Centred on {@code x}, unless that would cut the label at an edge of the chart: then it ends or starts there. */
    private String anchorInside(double x, String label) {
        double half = label.length() * LABEL_CHAR_WIDTH / 2;
        return x + half > width ? "end" : x - half < 0 ? "start" : "middle";
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String label) {
        svg.append("<text x=\"");
        number(svg, x).append("\" y=\"");
        number(svg, y).append("\" class=\"chart-label\"");
        if (anchor != null) {
            svg.append(" text-anchor=\"").append(anchor).append('"');
        }
        svg.append('>').append(escape(label)).append("</text>");
    }

    /** A coordinate with one decimal, without the cost of a formatter. */
    private static StringBuilder number(StringBuilder svg, double value) {
        long tenths = Math.round(value * 10);
        if (tenths < 0) {
            svg.append('-');
            tenths = -tenths;
        }
        return svg.append(tenths / 10).append('.').append(tenths % 10);
    }

    private double x(double value) {
        double span = width - 1.5 * PAD_X;
        return PAD_X + span * (value - xMin) / (xMax - xMin);
    }

    private double y(double value) {
        return height - PAD_Y - (height - 2.0 * PAD_Y) * Math.min(value, yMax) / yMax;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
