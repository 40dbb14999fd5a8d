<?xml version="1.0" encoding="UTF-8"?>
<!--
  render.xsl: report.xml (budget-report.xsd, schema version 1) as one readable HTML page, for
  people who open the archive without budget-etl. XSLT 1.0, so any processor will do:

      xsltproc schema/render.xsl output/<id>/05-export/report.xml > report.html

  The page shows the description and provenance first, then every table as printed (each label
  in the column it was printed in, letter-spacing removed and repaired; hover it for the printed
  text, and a number for its exact value and unit), the narrative's figures,
  the checks (failures first) and what could not be read. It adds nothing the XML does not say.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:b="urn:budget-etl:report"
                exclude-result-prefixes="b">

  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <!-- A table's rows by printed line (table id and line number). -->
  <xsl:key name="rows-by-line" match="b:row" use="concat(../../@id, '|', @line)"/>

  <xsl:template match="/b:budgetReport">
    <html lang="zh">
      <head>
        <title><xsl:value-of select="b:dublinCore/b:title"/></title>
        <style>
          body { font-family: sans-serif; margin: 2em auto; max-width: 80em; padding: 0 1em; color: #222; }
          h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; } h3 { margin-top: 1.5em; }
          table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
          th, td { border: 1px solid #bbb; padding: 0.2em 0.5em; vertical-align: top; }
          th { background: #f0f0f0; text-align: left; }
          td.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
          tr.total td { font-weight: bold; }
          dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
          dt { font-weight: bold; } dd { margin: 0; }
          .pass { color: #1a7f37; } .warn { color: #9a6700; } .fail { color: #cf222e; font-weight: bold; }
          .unverified { color: #6e7781; font-style: italic; }
          .success { color: #1a7f37; } .warning { color: #9a6700; } .failure { color: #cf222e; }
          .muted { color: #777; } nav li { margin: 0.1em 0; }
        </style>
      </head>
      <body>
        <h1><xsl:value-of select="b:dublinCore/b:title"/></h1>
        <xsl:apply-templates select="b:metadata"/>
        <xsl:apply-templates select="b:provenance"/>
        <nav>
          <h2>Tables</h2>
          <ul>
            <xsl:for-each select="b:tables/b:table">
              <li><a href="#table-{@id}">表 <xsl:value-of select="@id"/>&#160;<xsl:value-of select="b:title"/></a></li>
            </xsl:for-each>
            <xsl:for-each select="b:contents/b:promisedTable[@missing = 'true']">
              <li class="muted">表 <xsl:value-of select="@id"/>&#160;<xsl:value-of select="."/> (listed in the contents, not in the report)</li>
            </xsl:for-each>
          </ul>
        </nav>
        <xsl:apply-templates select="b:tables/b:table"/>
        <xsl:apply-templates select="b:claims"/>
        <xsl:apply-templates select="b:checks"/>
        <xsl:apply-templates select="b:diagnostics[b:diagnostic]"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="b:metadata">
    <h2>Report</h2>
    <dl>
      <dt>Unit</dt><dd><xsl:value-of select="b:unit"/></dd>
      <dt>Fiscal year</dt><dd><xsl:value-of select="b:fiscalYear"/></dd>
      <dt>Kind</dt><dd><xsl:value-of select="b:kind"/></dd>
      <dt>Amount unit</dt><dd><xsl:value-of select="b:amountUnit"/></dd>
      <dt>Report id</dt><dd><xsl:value-of select="../@reportId"/></dd>
      <dt>Source file</dt>
      <dd>
        <xsl:value-of select="b:source/@file"/>
        (<xsl:value-of select="b:source/@size"/> bytes, <xsl:value-of select="b:source/@encoding"/>,
        <xsl:value-of select="b:source/@lines"/> lines, <xsl:value-of select="b:source/@pages"/>
        <xsl:choose><xsl:when test="b:source/@pages = 1"> page)</xsl:when><xsl:otherwise> pages)</xsl:otherwise></xsl:choose>
      </dd>
      <dt>Source SHA-256</dt><dd><code><xsl:value-of select="b:source/@sha256"/></code></dd>
      <dt>Made by</dt>
      <dd><xsl:value-of select="b:pipeline/@name"/>&#160;<xsl:value-of select="b:pipeline/@version"/>, schema version <xsl:value-of select="../@schemaVersion"/></dd>
    </dl>
  </xsl:template>

  <xsl:template match="b:provenance">
    <h2>Provenance</h2>
    <table>
      <tr><th>Event</th><th>Outcome</th><th>Detail</th></tr>
      <xsl:for-each select="b:event">
        <tr>
          <td><xsl:value-of select="@type"/></td>
          <td class="{@outcome}"><xsl:value-of select="@outcome"/></td>
          <td><xsl:value-of select="."/></td>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <xsl:template match="b:table">
    <xsl:variable name="table" select="@id"/>
    <xsl:variable name="columns" select="b:columns/b:column"/>
    <h3 id="table-{@id}">表 <xsl:value-of select="@id"/>&#160;<xsl:value-of select="b:title"/></h3>
    <p class="muted">
      <xsl:text>line </xsl:text><xsl:value-of select="@line"/>
      <xsl:if test="@parent">, in form <a href="#table-{@parent}"><xsl:value-of select="@parent"/></a></xsl:if>
      <xsl:if test="b:unitName">, <xsl:value-of select="b:unitName"/></xsl:if>
      <xsl:if test="@amountUnit">, amounts in <xsl:value-of select="@amountUnit"/></xsl:if>
      <xsl:if test="@empty = 'true'">; printed without rows</xsl:if>
    </p>
    <xsl:if test="$columns">
      <table>
        <tr>
          <xsl:for-each select="$columns">
            <th>
              <xsl:for-each select="b:header">
                <xsl:if test="position() &gt; 1"> / </xsl:if>
                <xsl:value-of select="."/>
              </xsl:for-each>
            </th>
          </xsl:for-each>
        </tr>
        <!-- One HTML row per printed line: a paired table's 收入 and 支出 rows share their line. -->
        <xsl:for-each select="b:rows/b:row[generate-id() = generate-id(key('rows-by-line', concat($table, '|', @line))[1])]">
          <xsl:sort select="@line" data-type="number"/>
          <xsl:variable name="line" select="key('rows-by-line', concat($table, '|', @line))"/>
          <tr>
            <xsl:if test="$line[@total = 'true']"><xsl:attribute name="class">total</xsl:attribute></xsl:if>
            <xsl:for-each select="$columns">
              <xsl:variable name="index" select="@index"/>
              <xsl:variable name="cell" select="$line/b:cell[@column = $index]"/>
              <xsl:choose>
                <xsl:when test="@role = 'code' and not(preceding-sibling::b:column[@role = 'code'])">
                  <td><xsl:value-of select="$line/@code"/></td>
                </xsl:when>
                <xsl:when test="$line/b:item[@column = $index]">
                  <td title="{$line/b:item[@column = $index]/@printed}"><xsl:value-of select="$line/b:item[@column = $index]"/></td>
                </xsl:when>
                <xsl:when test="$cell/@value">
                  <td class="amount" title="{$cell/@value} {$cell/@unit}"><xsl:value-of select="$cell"/></td>
                </xsl:when>
                <xsl:otherwise><td><xsl:value-of select="$cell"/></td></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </table>
    </xsl:if>
    <xsl:if test="b:fields">
      <dl>
        <xsl:for-each select="b:fields/b:field">
          <dt><xsl:value-of select="@label"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="b:paragraph">
                <xsl:for-each select="b:paragraph"><p><xsl:value-of select="."/></p></xsl:for-each>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="b:value"/></xsl:otherwise>
            </xsl:choose>
            <xsl:if test="@amount"> <span class="muted"> (<xsl:value-of select="@amount"/>&#160;<xsl:value-of select="@unit"/>)</span></xsl:if>
          </dd>
        </xsl:for-each>
      </dl>
    </xsl:if>
    <xsl:for-each select="b:notes/b:note">
      <p class="muted"><xsl:value-of select="."/></p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="b:claims">
    <h2>Figures in the narrative</h2>
    <table>
      <tr><th>Line</th><th>Subject</th><th>Figure</th><th>Change</th><th>Share</th><th>Sentence</th></tr>
      <xsl:for-each select="b:claim">
        <tr>
          <td><xsl:value-of select="@line"/></td>
          <td><xsl:value-of select="b:subject/b:label"/> <span class="muted"> (<xsl:value-of select="b:subject/@category"/>)</span></td>
          <td class="amount" title="{b:amount/@value} {b:amount/@unit}"><xsl:value-of select="b:amount"/></td>
          <td>
            <xsl:if test="b:comparison">
              <xsl:value-of select="b:comparison/@direction"/>
              <xsl:if test="b:comparison/@year"> vs <xsl:value-of select="b:comparison/@year"/></xsl:if>
              <xsl:if test="b:comparison/b:change">: <xsl:value-of select="b:comparison/b:change"/></xsl:if>
              <xsl:if test="b:comparison/b:percent">, <xsl:value-of select="b:comparison/b:percent"/></xsl:if>
            </xsl:if>
          </td>
          <td><xsl:value-of select="b:share"/></td>
          <td><xsl:value-of select="b:sentence"/></td>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <xsl:template match="b:checks">
    <h2>Checks</h2>
    <p>
      <span class="pass"><xsl:value-of select="@pass"/> passed</span>,
      <span class="warn"><xsl:value-of select="@warn"/> warned</span>,
      <span class="fail"><xsl:value-of select="@fail"/> failed</span>,
      <span class="unverified"><xsl:value-of select="sum(@unverified)"/> unverified</span> (could not be judged: the message says why).
      Every check, passes included, is listed in <xsl:value-of select="@allChecks"/>; those that did not pass follow.
    </p>
    <xsl:if test="b:check">
      <table>
        <tr><th>Status</th><th>Rule</th><th>Table</th><th>Location</th><th>Expected</th><th>Actual</th><th>Difference</th><th>Message</th></tr>
        <xsl:apply-templates select="b:check[@status = 'fail']"/>
        <xsl:apply-templates select="b:check[@status = 'warn']"/>
        <xsl:apply-templates select="b:check[@status = 'unverified']"/>
      </table>
    </xsl:if>
  </xsl:template>

  <xsl:template match="b:check">
    <tr>
      <td class="{@status}"><xsl:value-of select="@status"/></td>
      <td><xsl:value-of select="@rule"/></td>
      <td><xsl:if test="@table"><a href="#table-{@table}"><xsl:value-of select="@table"/></a></xsl:if></td>
      <td><xsl:value-of select="b:location"/></td>
      <td class="amount"><xsl:value-of select="@expected"/></td>
      <td class="amount"><xsl:value-of select="@actual"/></td>
      <td class="amount"><xsl:value-of select="@difference"/></td>
      <td><xsl:value-of select="b:message"/></td>
    </tr>
  </xsl:template>

  <xsl:template match="b:diagnostics">
    <h2>Not read</h2>
    <table>
      <tr><th>Line</th><th>Table</th><th>Text</th><th>Problem</th></tr>
      <xsl:for-each select="b:diagnostic">
        <tr>
          <td><xsl:value-of select="@line"/></td>
          <td><xsl:value-of select="@table"/></td>
          <td><xsl:value-of select="b:text"/></td>
          <td><xsl:value-of select="b:message"/></td>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>
</xsl:stylesheet>
