<?xml version="1.0" encoding="UTF-8"?>
<!--
  render.xsl: report.xml (budget-report.xsd, schema version 3) as one readable HTML page in
  Chinese, for people. XSLT 1.0 and no extension, so any processor will do; the bag carries this
  file beside report.xml, whose xml-stylesheet instruction names it:

      xsltproc data/render.xsl data/report.xml > report.html

  budget-etl writes output/<id>/report.html with a renderer of its own that its tests hold, byte
  for byte, to what libxslt gives with this stylesheet: the page a run writes and the page
  rendered from the bag alone are the same bytes.

  What the page shows, in this order: the findings first (tables the contents promise and the
  body lacks; every check that failed, warned or could not be judged, with expected and actual
  figures, difference and tolerance, each linked to the rows of its figures (and the page of
  the PDF each is on, when the text marks pages), which are
  highlighted in their tables; the passes only counted, per rule); then what the report is and
  how it was read; every table as printed, with its header paths; the figures the narrative
  states with their verdicts; the narrative itself; and the accounting of every line. The page is
  self-contained (inline CSS, no script, nothing fetched) and adds nothing the XML does not say.

  Anchors: every line a finding can point at has the id L<line> (a table's printed row, a form's
  field, a table's note, a contents entry, each line of a heading or paragraph); each table has
  t-<id>; each finding c-<check id> (spaces, tabs, %, # and " as _; a link percent-encodes the rest, as HTML does).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:b="urn:budget-etl:report"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                exclude-result-prefixes="b dc">

  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <!-- A table's rows by printed line (table id and line number): a paired table's two sides share a line. -->
  <xsl:key name="rows-by-line" match="b:row" use="concat(../../@id, '|', @line)"/>
  <!-- The checks that did not pass, by each line of the figures they involve. -->
  <xsl:key name="findings-by-line" match="b:check" use="b:involves/@line"/>
  <xsl:key name="check-by-id" match="b:check" use="@id"/>
  <xsl:key name="table-by-id" match="b:table" use="@id"/>

  <!-- Whether any check did not pass: when none did, no line needs looking up among the findings. -->
  <xsl:variable name="anyFindings" select="boolean(/b:budgetReport/b:checks/b:check)"/>

  <xsl:template match="/b:budgetReport">
    <html lang="zh-CN">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="b:dublinCore/dc:title"/></title>
        <style>
          body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
                 margin: 1.5em auto; max-width: 84em; padding: 0 1em; color: #1f2328; line-height: 1.5; }
          h1 { font-size: 1.6em; margin-bottom: 0.2em; }
          h2 { border-bottom: 2px solid #d0d7de; margin-top: 2em; padding-bottom: 0.2em; }
          h3 { margin-top: 1.4em; }
          .subtitle { color: #57606a; margin-top: 0; }
          .scroll { overflow-x: auto; }
          table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
          th, td { border: 1px solid #c8ccd1; padding: 0.2em 0.5em; vertical-align: top; }
          th { background: #f3f4f6; text-align: left; font-weight: 600; }
          td.amount, th.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
          tr.total td { font-weight: bold; }
          td.lv2 { padding-left: 1.5em; } td.lv3 { padding-left: 2.5em; }
          dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
          dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
          .tally { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 0.8em 0; }
          .tally span { padding: 0.3em 0.8em; border-radius: 0.3em; font-weight: 600; }
          .tally .fail, tr.fail td, td.fail { background: #ffebe9; }
          .tally .warn, tr.warn td, td.warn { background: #fff8c5; }
          .tally .unverified, tr.unverified td, td.unverified { background: #eef1f4; }
          .tally .pass, td.pass { background: #dafbe1; }
          .missing { border-left: 4px solid #cf222e; background: #ffebe9; padding: 0.5em 1em; margin: 0.8em 0; }
          .fail-text { color: #cf222e; } .warn-text { color: #9a6700; } .unverified-text { color: #57606a; } .pass-text { color: #1a7f37; }
          a.flag { text-decoration: none; font-size: 0.8em; margin-right: 0.3em; }
          td.ref, a.where { white-space: nowrap; }
          .muted { color: #6e7781; } .line { color: #6e7781; font-size: 0.85em; margin-right: 0.5em; }
          p.heading { font-weight: bold; margin: 1em 0 0.3em; }
          :target { outline: 3px solid #0969da; }
        </style>
      </head>
      <body>
        <h1><xsl:value-of select="b:dublinCore/dc:title"/></h1>
        <p class="subtitle">
          <xsl:value-of select="b:metadata/b:unit"/>
          <xsl:if test="b:metadata/b:fiscalYear"> · <xsl:value-of select="b:metadata/b:fiscalYear"/>年</xsl:if>
          <xsl:if test="b:metadata/b:kind"> · <xsl:value-of select="b:metadata/b:kind"/></xsl:if>
          <xsl:if test="b:metadata/b:amountUnit"> · 金额单位：<xsl:value-of select="b:metadata/b:amountUnit"/></xsl:if>
        </p>
        <xsl:call-template name="findings"/>
        <xsl:apply-templates select="b:metadata"/>
        <xsl:apply-templates select="b:provenance"/>
        <xsl:call-template name="tables"/>
        <xsl:apply-templates select="b:claims"/>
        <xsl:apply-templates select="b:narrative"/>
        <xsl:apply-templates select="b:lineAccounting"/>
      </body>
    </html>
  </xsl:template>

  <!-- Findings -->

  <xsl:template name="findings">
    <xsl:variable name="checks" select="b:checks"/>
    <h2 id="findings">发现的问题</h2>
    <div class="tally">
      <span class="fail">未通过 <xsl:value-of select="$checks/@fail"/></span>
      <span class="warn">警告 <xsl:value-of select="$checks/@warn"/></span>
      <span class="unverified">无法核验 <xsl:value-of select="sum($checks/@unverified)"/></span>
      <span class="pass">通过 <xsl:value-of select="$checks/@pass"/></span>
    </div>
    <xsl:for-each select="b:contents/b:promisedTable[@missing = 'true']">
      <div class="missing">
        <strong>缺少表<xsl:value-of select="@id"/>「<xsl:value-of select="."/>」</strong>：
        目录（<a href="#L{@line}">第<xsl:value-of select="@line"/>行</a>）列出了这张表，正文中没有。
      </div>
    </xsl:for-each>
    <xsl:call-template name="finding-group">
      <xsl:with-param name="status" select="'fail'"/>
      <xsl:with-param name="heading" select="'未通过的核对'"/>
    </xsl:call-template>
    <xsl:call-template name="finding-group">
      <xsl:with-param name="status" select="'warn'"/>
      <xsl:with-param name="heading" select="'警告'"/>
    </xsl:call-template>
    <xsl:call-template name="finding-group">
      <xsl:with-param name="status" select="'unverified'"/>
      <xsl:with-param name="heading" select="'无法核验的核对'"/>
    </xsl:call-template>
    <xsl:if test="not($checks/b:check)">
      <p>所有核对均已通过。</p>
    </xsl:if>
    <h3>核对结果（按规则汇总）</h3>
    <p class="muted">通过的核对只计数，不逐条列出；每一条核对（包括通过的）都在同一数据包的 <xsl:value-of select="$checks/@allChecks"/> 中。</p>
    <table>
      <tr><th>规则</th><th class="amount">通过</th><th class="amount">警告</th><th class="amount">未通过</th><th class="amount">无法核验</th></tr>
      <xsl:for-each select="$checks/b:rule">
        <tr>
          <td><xsl:call-template name="rule-name"><xsl:with-param name="rule" select="@name"/></xsl:call-template></td>
          <td class="amount"><xsl:value-of select="@pass"/></td>
          <td class="amount"><xsl:if test="@warn &gt; 0"><xsl:attribute name="class">amount warn</xsl:attribute></xsl:if><xsl:value-of select="@warn"/></td>
          <td class="amount"><xsl:if test="@fail &gt; 0"><xsl:attribute name="class">amount fail</xsl:attribute></xsl:if><xsl:value-of select="@fail"/></td>
          <td class="amount"><xsl:if test="@unverified &gt; 0"><xsl:attribute name="class">amount unverified</xsl:attribute></xsl:if><xsl:value-of select="@unverified"/></td>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <xsl:template name="finding-group">
    <xsl:param name="status"/>
    <xsl:param name="heading"/>
    <xsl:variable name="group" select="b:checks/b:check[@status = $status]"/>
    <xsl:if test="$group">
      <h3 class="{$status}-text"><xsl:value-of select="$heading"/>（<xsl:value-of select="count($group)"/>）</h3>
      <div class="scroll">
        <table>
          <tr>
            <th>规则</th><th>表</th><th>位置</th><th class="amount">预期</th><th class="amount">实际</th>
            <th class="amount">差额</th><th class="amount">容差</th><th>说明</th><th>涉及</th>
          </tr>
          <xsl:for-each select="$group">
            <tr id="c-{translate(@id, ' &#9;%#&quot;', '_____')}" class="{$status}">
              <td><xsl:call-template name="rule-name"><xsl:with-param name="rule" select="@rule"/></xsl:call-template></td>
              <td class="ref">
                <xsl:choose>
                  <xsl:when test="@table and key('table-by-id', @table)"><a href="#t-{@table}">表<xsl:value-of select="@table"/></a></xsl:when>
                  <xsl:when test="@table">表<xsl:value-of select="@table"/></xsl:when>
                </xsl:choose>
              </td>
              <td><xsl:value-of select="b:location"/></td>
              <td class="amount"><xsl:value-of select="@expected"/></td>
              <td class="amount"><xsl:value-of select="@actual"/></td>
              <td class="amount"><xsl:value-of select="@difference"/></td>
              <td class="amount"><xsl:if test="@tolerance">±<xsl:value-of select="@tolerance"/></xsl:if></td>
              <td><xsl:value-of select="b:message"/></td>
              <td>
                <xsl:for-each select="b:involves">
                  <xsl:if test="position() &gt; 1">、</xsl:if>
                  <xsl:choose>
                    <xsl:when test="@part">
                      <a class="where" href="#L{@line}"><xsl:if test="@table">表<xsl:value-of select="@table"/> </xsl:if>第<xsl:value-of select="@line"/>行<xsl:if test="@page">（第<xsl:value-of select="@page"/>页）</xsl:if></a>
                    </xsl:when>
                    <xsl:otherwise>第<xsl:value-of select="@line"/>行<xsl:if test="@page">（第<xsl:value-of select="@page"/>页）</xsl:if></xsl:otherwise>
                  </xsl:choose>
                </xsl:for-each>
              </td>
            </tr>
          </xsl:for-each>
        </table>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The status of the worst check among $findings, as a class name; empty when there is none. -->
  <xsl:template name="worst">
    <xsl:param name="findings"/>
    <xsl:choose>
      <xsl:when test="$findings[@status = 'fail']">fail</xsl:when>
      <xsl:when test="$findings[@status = 'warn']">warn</xsl:when>
      <xsl:when test="$findings">unverified</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Links from a highlighted line to the findings that involve it. -->
  <xsl:template name="flags">
    <xsl:param name="findings"/>
    <xsl:for-each select="$findings">
      <a class="flag {@status}-text" href="#c-{translate(@id, ' &#9;%#&quot;', '_____')}" title="{b:message}">
        <xsl:call-template name="status-name"><xsl:with-param name="status" select="@status"/></xsl:call-template>
      </a>
    </xsl:for-each>
  </xsl:template>

  <!-- What the report is, and how it was read -->

  <xsl:template match="b:metadata">
    <h2>报告信息</h2>
    <dl class="meta">
      <dt>单位</dt><dd><xsl:value-of select="b:unit"/></dd>
      <dt>年度</dt><dd><xsl:value-of select="b:fiscalYear"/></dd>
      <dt>报告类型</dt><dd><xsl:value-of select="b:kind"/></dd>
      <dt>金额单位</dt><dd><xsl:value-of select="b:amountUnit"/></dd>
      <xsl:if test="b:units">
        <dt>所含单位（<xsl:value-of select="b:units/@count"/>）</dt>
        <dd><xsl:for-each select="b:units/b:unit"><xsl:if test="position() &gt; 1">；</xsl:if><xsl:value-of select="."/></xsl:for-each></dd>
      </xsl:if>
      <dt>报告编号</dt><dd><code><xsl:value-of select="../@reportId"/></code></dd>
      <dt>源文件</dt>
      <dd>
        <xsl:value-of select="b:source/@file"/>（<xsl:value-of select="b:source/@size"/> 字节，<xsl:value-of select="b:source/@encoding"/>，
        <xsl:value-of select="b:source/@lines"/> 行，<xsl:value-of select="b:source/@pages"/> 页）
      </dd>
      <dt>源文件 SHA-256</dt><dd><code><xsl:value-of select="b:source/@sha256"/></code></dd>
      <dt>生成</dt>
      <dd><xsl:value-of select="b:pipeline/@name"/>&#160;<xsl:value-of select="b:pipeline/@version"/>，记录格式第 <xsl:value-of select="../@schemaVersion"/> 版</dd>
    </dl>
  </xsl:template>

  <xsl:template match="b:provenance">
    <h3>处理记录</h3>
    <table>
      <tr><th>步骤</th><th>结果</th><th>说明</th></tr>
      <xsl:for-each select="b:event">
        <tr>
          <td><xsl:call-template name="event-name"><xsl:with-param name="event" select="@type"/></xsl:call-template></td>
          <td>
            <xsl:attribute name="class">
              <xsl:choose>
                <xsl:when test="@outcome = 'failure'">fail</xsl:when>
                <xsl:when test="@outcome = 'warning'">warn</xsl:when>
                <xsl:otherwise>pass</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:choose>
              <xsl:when test="@outcome = 'failure'">有核对未通过</xsl:when>
              <xsl:when test="@outcome = 'warning'">有需要注意之处</xsl:when>
              <xsl:otherwise>成功</xsl:otherwise>
            </xsl:choose>
          </td>
          <td><xsl:value-of select="."/></td>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- Tables -->

  <xsl:template name="tables">
    <h2 id="tables">表格</h2>
    <p>目录列出的表：</p>
    <ul>
      <xsl:for-each select="b:contents/b:promisedTable">
        <li id="L{@line}">
          <xsl:choose>
            <xsl:when test="@missing = 'true'">
              <span class="fail-text">表<xsl:value-of select="@id"/>&#160;<xsl:value-of select="."/>（正文中没有）</span>
            </xsl:when>
            <xsl:when test="key('table-by-id', @id)"><a href="#t-{@id}">表<xsl:value-of select="@id"/>&#160;<xsl:value-of select="."/></a></xsl:when>
            <xsl:otherwise>表<xsl:value-of select="@id"/>&#160;<xsl:value-of select="."/></xsl:otherwise>
          </xsl:choose>
          <span class="line"> 第<xsl:value-of select="@line"/>行</span>
        </li>
      </xsl:for-each>
    </ul>
    <xsl:if test="not(b:contents/b:promisedTable)"><p class="muted">报告没有目录。</p></xsl:if>
    <xsl:apply-templates select="b:tables/b:table"/>
  </xsl:template>

  <xsl:template match="b:table">
    <xsl:variable name="table" select="@id"/>
    <xsl:variable name="columns" select="b:columns/b:column"/>
    <!-- Worked out once per table rather than once per row (see printed-row): the code column's
         index; whether the columns are numbered 0, 1, 2, … in order with the code column, if any,
         first ($plain); and whether a finding involves any of the table's lines ($flagged). -->
    <xsl:variable name="codeColumn" select="string($columns[@role = 'code'][1]/@index)"/>
    <xsl:variable name="offset" select="number($codeColumn = '0')"/>
    <xsl:variable name="plain" select="($codeColumn = '' or $codeColumn = '0') and not($columns[not(@index = string(position() - 1))])"/>
    <xsl:variable name="flagged" select="$anyFindings and key('findings-by-line', b:rows/b:row/@line)"/>
    <h3 id="t-{@id}">表<xsl:value-of select="@id"/>&#160;<xsl:value-of select="b:title"/></h3>
    <p class="muted">
      <xsl:text>第</xsl:text><xsl:value-of select="@line"/><xsl:text>行</xsl:text>
      <xsl:if test="@page">（第<xsl:value-of select="@page"/>页）</xsl:if>
      <xsl:if test="@parent">，属于表单 <a href="#t-{@parent}">表<xsl:value-of select="@parent"/></a></xsl:if>
      <xsl:if test="b:unitName">，<xsl:value-of select="b:unitName"/></xsl:if>
      <xsl:if test="@amountUnit">，金额单位：<xsl:value-of select="@amountUnit"/></xsl:if>
      <xsl:if test="@empty = 'true'">；表中没有数据行</xsl:if>
    </p>
    <xsl:if test="$columns">
      <div class="scroll">
        <table>
          <tr>
            <xsl:for-each select="$columns">
              <th>
                <xsl:if test="@role = 'amount'"><xsl:attribute name="class">amount</xsl:attribute></xsl:if>
                <xsl:for-each select="b:header">
                  <xsl:if test="position() &gt; 1"><br/></xsl:if>
                  <xsl:value-of select="."/>
                </xsl:for-each>
              </th>
            </xsl:for-each>
          </tr>
          <xsl:choose>
            <!-- One HTML row per printed line: a paired table's 收入 and 支出 rows share their line. -->
            <xsl:when test="@layout = 'paired'">
              <xsl:for-each select="b:rows/b:row[generate-id() = generate-id(key('rows-by-line', concat($table, '|', @line))[1])]">
                <xsl:sort select="@line" data-type="number"/>
                <xsl:call-template name="printed-row">
                  <xsl:with-param name="line" select="key('rows-by-line', concat($table, '|', @line))"/>
                  <xsl:with-param name="columns" select="$columns"/>
                  <xsl:with-param name="codeColumn" select="$codeColumn"/>
                  <xsl:with-param name="offset" select="$offset"/>
                  <xsl:with-param name="plain" select="$plain"/>
                  <xsl:with-param name="flagged" select="$flagged"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <xsl:for-each select="b:rows/b:row">
                <xsl:call-template name="printed-row">
                  <xsl:with-param name="line" select="."/>
                  <xsl:with-param name="columns" select="$columns"/>
                  <xsl:with-param name="codeColumn" select="$codeColumn"/>
                  <xsl:with-param name="offset" select="$offset"/>
                  <xsl:with-param name="plain" select="$plain"/>
                  <xsl:with-param name="flagged" select="$flagged"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </table>
      </div>
    </xsl:if>
    <xsl:if test="b:fields">
      <table>
        <xsl:for-each select="b:fields/b:field">
          <xsl:variable name="findings" select="key('findings-by-line', @line)"/>
          <xsl:variable name="worst">
            <xsl:call-template name="worst"><xsl:with-param name="findings" select="$findings"/></xsl:call-template>
          </xsl:variable>
          <tr>
            <!-- Several fields may share a printed line; the first carries its anchor. -->
            <xsl:if test="not(preceding-sibling::b:field[1]/@line = @line)"><xsl:attribute name="id">L<xsl:value-of select="@line"/></xsl:attribute></xsl:if>
            <xsl:if test="string($worst)"><xsl:attribute name="class"><xsl:value-of select="$worst"/></xsl:attribute></xsl:if>
            <th>
              <xsl:call-template name="flags"><xsl:with-param name="findings" select="$findings"/></xsl:call-template>
              <xsl:value-of select="@label"/>
            </th>
            <td>
              <xsl:choose>
                <xsl:when test="b:paragraph">
                  <xsl:for-each select="b:paragraph"><p><xsl:value-of select="."/></p></xsl:for-each>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="b:value"/></xsl:otherwise>
              </xsl:choose>
              <xsl:if test="@amount"><span class="muted">（<xsl:value-of select="@amount"/>&#160;<xsl:value-of select="@unit"/>）</span></xsl:if>
            </td>
          </tr>
        </xsl:for-each>
      </table>
    </xsl:if>
    <xsl:for-each select="b:notes/b:note">
      <p class="muted" id="L{@line}"><xsl:value-of select="."/></p>
    </xsl:for-each>
  </xsl:template>

  <!-- One printed line of a table: $line, its rows (two for a paired table's sides). Its cells
       in the columns' order; the line highlighted with the worst of the findings involving it,
       which its first cell links to.

       Most lines take the short way: when the columns are plain, no finding involves the line,
       and the line's items and cells, in document order, sit in consecutive columns (each one
       column right of the one before: a full row, or a paired table's side), its cells are
       written straight from those children, with empty cells before and after. This is the page
       any-printed-row gives for such a line, without looking up each column among the children
       (which made the page cost three times what it does now); any other line takes the long way. -->
  <xsl:template name="printed-row">
    <xsl:param name="line"/>
    <xsl:param name="columns"/>
    <xsl:param name="codeColumn"/>
    <xsl:param name="offset"/>
    <xsl:param name="plain"/>
    <xsl:param name="flagged"/>
    <xsl:variable name="first" select="number($line/*[1]/@column)"/>
    <xsl:choose>
      <xsl:when test="$plain and $first &gt;= $offset and $first + count($line/*) &lt;= count($columns)
                      and not(($line/*)[not(@column = string(position() - 1 + $first))])
                      and not($flagged and key('findings-by-line', $line[1]/@line))">
        <tr id="L{$line[1]/@line}">
          <xsl:if test="$line[@total = 'true']"><xsl:attribute name="class">total </xsl:attribute></xsl:if>
          <xsl:for-each select="$columns[position() &lt;= $first]">
            <td><xsl:if test="position() = 1 and $offset"><xsl:value-of select="$line/@code"/></xsl:if></td>
          </xsl:for-each>
          <xsl:for-each select="$line/*">
            <xsl:choose>
              <xsl:when test="self::b:item">
                <xsl:choose>
                  <xsl:when test="../@level &gt; 1"><td title="{@printed}" class="lv{../@level}"><xsl:value-of select="."/></td></xsl:when>
                  <xsl:otherwise><td title="{@printed}"><xsl:value-of select="."/></td></xsl:otherwise>
                </xsl:choose>
              </xsl:when>
              <xsl:when test="@value"><td class="amount" title="{@value}&#160;{@unit}"><xsl:value-of select="."/></td></xsl:when>
              <xsl:otherwise><td><xsl:value-of select="."/></td></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
          <xsl:for-each select="$columns[position() &gt; $first + count($line/*)]"><td/></xsl:for-each>
        </tr>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="any-printed-row">
          <xsl:with-param name="line" select="$line"/>
          <xsl:with-param name="columns" select="$columns"/>
          <xsl:with-param name="codeColumn" select="$codeColumn"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One printed line, any shape: each column looked up among the line's children. -->
  <xsl:template name="any-printed-row">
    <xsl:param name="line"/>
    <xsl:param name="columns"/>
    <xsl:param name="codeColumn"/>
    <xsl:variable name="findings" select="key('findings-by-line', $line[1]/@line)"/>
    <tr id="L{$line[1]/@line}">
      <xsl:if test="$findings or $line[@total = 'true']">
        <xsl:attribute name="class">
          <xsl:if test="$line[@total = 'true']">total </xsl:if>
          <xsl:choose>
            <xsl:when test="$findings[@status = 'fail']">fail</xsl:when>
            <xsl:when test="$findings[@status = 'warn']">warn</xsl:when>
            <xsl:when test="$findings">unverified</xsl:when>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:for-each select="$columns">
        <xsl:variable name="at" select="$line/*[@column = current()/@index]"/>
        <td>
          <xsl:choose>
            <xsl:when test="@index = $codeColumn"/>
            <xsl:when test="$at[self::b:item]">
              <xsl:attribute name="title"><xsl:value-of select="$at[self::b:item]/@printed"/></xsl:attribute>
              <xsl:if test="$at[self::b:item]/../@level &gt; 1"><xsl:attribute name="class">lv<xsl:value-of select="$at[self::b:item]/../@level"/></xsl:attribute></xsl:if>
            </xsl:when>
            <xsl:when test="$at[self::b:cell]/@value">
              <xsl:attribute name="class">amount</xsl:attribute>
              <xsl:attribute name="title"><xsl:value-of select="$at[self::b:cell]/@value"/>&#160;<xsl:value-of select="$at[self::b:cell]/@unit"/></xsl:attribute>
            </xsl:when>
          </xsl:choose>
          <xsl:if test="$findings and position() = 1">
            <xsl:call-template name="flags"><xsl:with-param name="findings" select="$findings"/></xsl:call-template>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="@index = $codeColumn"><xsl:value-of select="$line/@code"/></xsl:when>
            <xsl:when test="$at[self::b:item]"><xsl:value-of select="$at[self::b:item]"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$at[self::b:cell]"/></xsl:otherwise>
          </xsl:choose>
        </td>
      </xsl:for-each>
    </tr>
  </xsl:template>

  <!-- The narrative's figures, the narrative, and the accounting of lines -->

  <xsl:template match="b:claims">
    <h2 id="claims">说明中的数字及核对结果</h2>
    <xsl:if test="not(b:claim)"><p class="muted">说明中没有可核对的数字。</p></xsl:if>
    <xsl:if test="b:claim">
      <div class="scroll">
        <table>
          <tr><th>行</th><th>主题</th><th class="amount">数字</th><th>与上年比较</th><th class="amount">占比</th><th>核对结果</th><th>原文</th></tr>
          <xsl:for-each select="b:claim">
            <tr>
              <td><a href="#L{@line}"><xsl:value-of select="@line"/></a></td>
              <td><xsl:value-of select="b:subject/b:label"/></td>
              <td class="amount" title="{b:amount/@value} {b:amount/@unit}"><xsl:value-of select="b:amount"/></td>
              <td>
                <xsl:if test="b:comparison">
                  <xsl:if test="b:comparison/@year"><xsl:value-of select="b:comparison/@year"/>年</xsl:if>
                  <xsl:choose>
                    <xsl:when test="b:comparison/@direction = 'increase'">增加</xsl:when>
                    <xsl:when test="b:comparison/@direction = 'decrease'">减少</xsl:when>
                    <xsl:otherwise>持平</xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="b:comparison/b:change">&#160;<xsl:value-of select="b:comparison/b:change"/></xsl:if>
                  <xsl:if test="b:comparison/b:percent">，<xsl:value-of select="b:comparison/b:percent"/></xsl:if>
                </xsl:if>
              </td>
              <td class="amount"><xsl:value-of select="b:share"/></td>
              <td>
                <xsl:if test="@verdict"><xsl:attribute name="class"><xsl:value-of select="@verdict"/></xsl:attribute></xsl:if>
                <xsl:choose>
                  <xsl:when test="@verdict and key('check-by-id', @check)">
                    <a href="#c-{translate(@check, ' &#9;%#&quot;', '_____')}">
                      <xsl:call-template name="status-name"><xsl:with-param name="status" select="@verdict"/></xsl:call-template>
                    </a>
                  </xsl:when>
                  <xsl:when test="@verdict">
                    <xsl:call-template name="status-name"><xsl:with-param name="status" select="@verdict"/></xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise><span class="muted">未核对</span></xsl:otherwise>
                </xsl:choose>
              </td>
              <td><xsl:value-of select="b:sentence"/></td>
            </tr>
          </xsl:for-each>
        </table>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="b:narrative">
    <h2 id="narrative">说明全文</h2>
    <xsl:if test="not(*)"><p class="muted">报告没有表格以外的文字。</p></xsl:if>
    <xsl:for-each select="*">
      <xsl:variable name="first" select="substring-before(concat(@lines, ' '), ' ')"/>
      <p id="L{$first}">
        <xsl:if test="self::b:heading"><xsl:attribute name="class">heading</xsl:attribute></xsl:if>
        <span class="line"><xsl:value-of select="$first"/></span>
        <xsl:call-template name="line-anchors">
          <xsl:with-param name="lines" select="substring-after(@lines, ' ')"/>
        </xsl:call-template>
        <xsl:value-of select="."/>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- An empty anchor for each line of a space-separated list. -->
  <xsl:template name="line-anchors">
    <xsl:param name="lines"/>
    <xsl:if test="normalize-space($lines)">
      <span id="L{substring-before(concat($lines, ' '), ' ')}"></span>
      <xsl:call-template name="line-anchors">
        <xsl:with-param name="lines" select="substring-after($lines, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="b:lineAccounting">
    <h2 id="lines">逐行核算</h2>
    <p>
      全文共 <xsl:value-of select="@lines"/> 行，每一行都归入下列一类
      <xsl:if test="b:unassigned">，或列为未归类</xsl:if>，没有遗漏：
    </p>
    <table>
      <tr><th>类别</th><th class="amount">行数</th></tr>
      <xsl:for-each select="b:kind">
        <tr>
          <td><xsl:call-template name="line-kind"><xsl:with-param name="kind" select="@name"/></xsl:call-template></td>
          <td class="amount"><xsl:value-of select="@lines"/></td>
        </tr>
      </xsl:for-each>
      <xsl:if test="b:unassigned">
        <tr class="warn"><td>未归类</td><td class="amount"><xsl:value-of select="count(b:unassigned)"/></td></tr>
      </xsl:if>
      <tr class="total"><td>合计</td><td class="amount"><xsl:value-of select="sum(b:kind/@lines) + count(b:unassigned)"/></td></tr>
    </table>
    <xsl:choose>
      <xsl:when test="b:unassigned">
        <h3>未归类的行</h3>
        <table>
          <tr><th>行</th><th>内容</th></tr>
          <xsl:for-each select="b:unassigned">
            <tr><td><xsl:value-of select="@line"/></td><td><xsl:value-of select="."/></td></tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p class="muted">没有未归类的行。</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Chinese names of the record's codes -->

  <xsl:template name="status-name">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'pass'">通过</xsl:when>
      <xsl:when test="$status = 'warn'">警告</xsl:when>
      <xsl:when test="$status = 'fail'">未通过</xsl:when>
      <xsl:when test="$status = 'unverified'">无法核验</xsl:when>
      <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="rule-name">
    <xsl:param name="rule"/>
    <xsl:choose>
      <xsl:when test="$rule = 'hierarchy'">上下级合计</xsl:when>
      <xsl:when test="$rule = 'header-sum'">分列合计</xsl:when>
      <xsl:when test="$rule = 'share'">占比</xsl:when>
      <xsl:when test="$rule = 'paired'">收支平衡</xsl:when>
      <xsl:when test="$rule = 'cross-table'">表间一致</xsl:when>
      <xsl:when test="$rule = 'narrative'">说明与表格一致</xsl:when>
      <xsl:when test="$rule = 'breakdown'">分项合计</xsl:when>
      <xsl:when test="$rule = 'arithmetic'">测算依据</xsl:when>
      <xsl:when test="$rule = 'completeness'">完整性</xsl:when>
      <xsl:when test="$rule = 'number'">数字无法读取</xsl:when>
      <xsl:when test="$rule = 'structure'">表格结构</xsl:when>
      <xsl:when test="$rule = 'column'">列内容</xsl:when>
      <xsl:when test="$rule = 'metadata'">报告信息</xsl:when>
      <xsl:when test="$rule = 'unread'">未读入的数字</xsl:when>
      <xsl:otherwise><xsl:value-of select="$rule"/></xsl:otherwise>
    </xsl:choose>
    <span class="muted"> (<xsl:value-of select="$rule"/>)</span>
  </xsl:template>

  <xsl:template name="event-name">
    <xsl:param name="event"/>
    <xsl:choose>
      <xsl:when test="$event = 'extracted'">提取文本</xsl:when>
      <xsl:when test="$event = 'segmented'">识别表格与文字</xsl:when>
      <xsl:when test="$event = 'normalized'">规范化</xsl:when>
      <xsl:when test="$event = 'reconciled'">核对</xsl:when>
      <xsl:when test="$event = 'exported'">导出</xsl:when>
      <xsl:otherwise><xsl:value-of select="$event"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="line-kind">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'blank'">空行</xsl:when>
      <xsl:when test="$kind = 'contents'">目录</xsl:when>
      <xsl:when test="$kind = 'heading'">标题</xsl:when>
      <xsl:when test="$kind = 'caption'">表号</xsl:when>
      <xsl:when test="$kind = 'title'">表名</xsl:when>
      <xsl:when test="$kind = 'unit'">单位行</xsl:when>
      <xsl:when test="$kind = 'header'">表头</xsl:when>
      <xsl:when test="$kind = 'body'">表格数据行</xsl:when>
      <xsl:when test="$kind = 'note'">注释</xsl:when>
      <xsl:when test="$kind = 'field'">表单字段</xsl:when>
      <xsl:when test="$kind = 'paragraph'">段落</xsl:when>
      <xsl:when test="$kind = 'pageMark'">分页</xsl:when>
      <xsl:when test="$kind = 'furniture'">页码、页眉页脚</xsl:when>
      <xsl:otherwise><xsl:value-of select="$kind"/></xsl:otherwise>
    </xsl:choose>
    <span class="muted"> (<xsl:value-of select="$kind"/>)</span>
  </xsl:template>
</xsl:stylesheet>
