<?xml version="1.0" encoding="UTF-8"?>
<!--
  cmif/correspondence.xsl: the CMIF of documents' summaries (fp:cmif), as
  cmif.xsl describes. Included by cmif.xsl and corpus.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:s="urn:edition:summary"
  xmlns="http://www.tei-c.org/ns/1.0"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!--
    The xml:id of the CMIF's bibl (correspDesc/@source points at it). CMIF
    recommends a UUID; '' makes a stable one from the edition's title and
    base URL (a name-based identifier in UUID form, not an RFC 4122 UUID).
  -->
  <xsl:param name="cmif-source-id" as="xs:string" select="''"/>

  <!-- The CMIF as a result document (corpus.xsl writes it as one result among others). -->
  <xsl:output name="fp:cmif" method="xml" encoding="UTF-8" indent="yes"/>

  <!-- A correspDesc of a summary (s:corresp) to the CMIF's. -->
  <xsl:mode name="m:cmif" on-no-match="shallow-skip"/>

  <xsl:variable name="fp:source-id" as="xs:string" select="
      if (matches(normalize-space($cmif-source-id), '^[A-Za-z_][A-Za-z0-9._\-]*$')) then normalize-space($cmif-source-id)
      else fp:uuid-form(concat($f:edition-title, '&#10;', $base-url))"/>

  <!-- The CMIF of some documents' summaries, by default the edition's (common/registers.xsl). -->
  <xsl:template name="fp:cmif" as="element()">
    <xsl:param name="documents" as="element(s:document)*" select="$fp:summaries"/>
    <xsl:param name="header" as="element(teiHeader)?" select="$f:edition-header"/>
    <TEI>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title><xsl:value-of select="$f:edition-title"/></title>
            <!-- A name still marked PLACEHOLDER is not set (src/site/unset-values.ts warns about it): the fallback stands in. -->
            <xsl:variable name="editors" as="xs:string*" select="distinct-values((
                $header/fileDesc/titleStmt/editor/normalize-space(.),
                $header/fileDesc/titleStmt/respStmt/(* except resp)/normalize-space(.))[. != ''][not(contains(., 'PLACEHOLDER'))])"/>
            <xsl:for-each select="if (exists($editors)) then $editors else concat('The editors of ', $f:edition-title)">
              <editor><xsl:value-of select="."/></editor>
            </xsl:for-each>
          </titleStmt>
          <publicationStmt>
            <xsl:variable name="publishers" as="xs:string*"
              select="$header/fileDesc/publicationStmt/publisher/normalize-space(.)[. != ''][not(contains(., 'PLACEHOLDER'))]"/>
            <xsl:for-each select="if (exists($publishers)) then $publishers else $f:edition-title">
              <publisher><xsl:value-of select="."/></publisher>
            </xsl:for-each>
            <idno type="url"><xsl:value-of select="f:absolute-url($base-url, 'cmif.xml')"/></idno>
            <xsl:variable name="date" as="xs:string?" select="(
                normalize-space($generated-date),
                normalize-space($header/fileDesc/publicationStmt/date[1]/@when),
                for $c in $header/revisionDesc//change/@when return normalize-space($c))[. != ''][1]"/>
            <date>
              <xsl:if test="exists($date)">
                <xsl:attribute name="when" select="$date"/>
              </xsl:if>
            </date>
            <availability>
              <xsl:choose>
                <xsl:when test="$f:licence-url != ''">
                  <licence target="{$f:licence-url}"><xsl:value-of select="$f:licence-name"/></licence>
                </xsl:when>
                <xsl:otherwise>
                  <p>The licence is not stated.</p>
                </xsl:otherwise>
              </xsl:choose>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <bibl type="online" xml:id="{$fp:source-id}">
              <xsl:value-of select="concat($f:edition-title, if ($f:version != '') then concat(', version ', $f:version) else '', '. ')"/>
              <ref target="{f:absolute-url($base-url, 'index.html')}">
                <xsl:value-of select="f:absolute-url($base-url, 'index.html')"/>
              </ref>
            </bibl>
          </sourceDesc>
        </fileDesc>
        <profileDesc>
          <xsl:apply-templates select="$documents/s:corresp" mode="m:cmif"/>
        </profileDesc>
      </teiHeader>
      <text>
        <body>
          <p/>
        </body>
      </text>
    </TEI>
  </xsl:template>

  <xsl:template match="s:corresp" mode="m:cmif" as="element()">
    <xsl:variable name="page" as="xs:string" select="concat(../@file, '.html', if (@part) then concat('#', @part) else '')"/>
    <correspDesc ref="{f:absolute-url($base-url, $page)}" source="#{$fp:source-id}">
      <xsl:apply-templates select="s:action" mode="m:cmif"/>
      <xsl:for-each select="('sent', 'received')[not(. = current()/s:action/@type)]">
        <correspAction type="{.}">
          <note>Not stated in the source.</note>
        </correspAction>
      </xsl:for-each>
    </correspDesc>
  </xsl:template>

  <xsl:template match="s:action" mode="m:cmif" as="element()">
    <xsl:variable name="parts" as="element()*">
      <xsl:for-each select="s:agent">
        <xsl:element name="{@element}">
          <xsl:sequence select="fp:ref-attribute(.)"/>
          <xsl:value-of select="@name"/>
        </xsl:element>
      </xsl:for-each>
      <xsl:for-each select="s:place">
        <placeName>
          <xsl:sequence select="fp:ref-attribute(.)"/>
          <xsl:value-of select="@name"/>
        </placeName>
      </xsl:for-each>
      <xsl:for-each select="s:cmif-date">
        <date>
          <xsl:for-each select="@when, @from, @to, @notBefore, @notAfter">
            <xsl:attribute name="{local-name()}" select="."/>
          </xsl:for-each>
        </date>
      </xsl:for-each>
    </xsl:variable>
    <correspAction type="{@type}">
      <xsl:sequence select="$parts"/>
      <xsl:if test="empty($parts)">
        <note>Not stated in the source.</note>
      </xsl:if>
    </correspAction>
  </xsl:template>

  <!--
    @ref for a name of a summary: the URI the summary gives (@uri), else for
    a register pointer (@pointer) the entry's first authority URI, else the
    entry page on the site.
  -->
  <xsl:function name="fp:ref-attribute" as="attribute()?">
    <xsl:param name="name" as="element()"/>
    <xsl:choose>
      <xsl:when test="$name/@uri">
        <xsl:attribute name="ref" select="$name/@uri"/>
      </xsl:when>
      <xsl:when test="$name/@pointer">
        <xsl:variable name="pointer" as="xs:string" select="string($name/@pointer)"/>
        <xsl:attribute name="ref" select="if (map:contains($fp:register-uris, $pointer)) then $fp:register-uris($pointer) else fp:register-uri($pointer)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <!--
    The first authority URI of the register entry each pointer of the
    summaries names, as lines 'POINTER TAB URI' (pointers whose entry has
    none left out), as fp:authority-uris-text gives them. The build makes
    CMIF with the lists of the documents, from an input without the
    registers, and hands it the lines the registers' part wrote
    (authority-uris.txt). Not given: worked out from the registers in the
    input.
  -->
  <xsl:param name="authority-uris" as="xs:string?" select="()"/>

  <!--
    The URI of every register pointer CMIF names, worked out once per
    pointer: the same few hundred entries are named by thousands of letters.
  -->
  <xsl:variable name="fp:register-uris" as="map(xs:string, xs:string)" select="
      if (exists($authority-uris))
      then map:merge(for $line in tokenize($authority-uris, '&#10;')[contains(., '&#9;')]
                     return map:entry(substring-before($line, '&#9;'), substring-after($line, '&#9;')))
      else map:merge(for $t in distinct-values($fp:summaries//@pointer)
                     return map:entry($t, fp:register-uri($t)))"/>

  <!-- The lines of $authority-uris, from the registers in the input: 'POINTER TAB URI' per pointer whose entry has one, in order of pointers. -->
  <xsl:function name="fp:authority-uris-text" as="xs:string">
    <xsl:param name="summaries" as="element(s:document)*"/>
    <xsl:sequence select="string-join(
        for $t in sort(distinct-values($summaries//@pointer))
        return (let $uri := f:authority-uris(f:entry-for-pointer($t))[1]
                return if (exists($uri)) then concat($t, '&#9;', $uri, '&#10;') else ()), '')"/>
  </xsl:function>

  <!-- The URI for a register pointer: the entry's first authority URI, else its page on the site. -->
  <xsl:function name="fp:register-uri" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:sequence select="(f:authority-uris(f:entry-for-pointer($pointer))[1], f:absolute-url($base-url, f:register-page($pointer)))[1]"/>
  </xsl:function>

  <!--
    A stable identifier in UUID form (8-4-4-4-12 lower-case hex) made from a
    string: four 31-bit polynomial hashes with different multipliers. Small
    integers only, so every engine computes the same digits. Prefixed with
    'id-', since an xml:id must not start with a digit.
  -->
  <xsl:function name="fp:uuid-form" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="codes" as="xs:integer*" select="string-to-codepoints($s)"/>
    <xsl:variable name="hex" as="xs:string" select="string-join(
        for $m in (31, 37, 41, 43)
        return substring(concat('00000000', fp:hex(fp:hash($codes, $m, 1, 7))), string-length(fp:hex(fp:hash($codes, $m, 1, 7))) + 1, 8),
        '')"/>
    <xsl:sequence select="concat('id-', substring($hex, 1, 8), '-', substring($hex, 9, 4), '-', substring($hex, 13, 4), '-',
                                 substring($hex, 17, 4), '-', substring($hex, 21, 12))"/>
  </xsl:function>

  <xsl:function name="fp:hash" as="xs:integer">
    <xsl:param name="codes" as="xs:integer*"/>
    <xsl:param name="multiplier" as="xs:integer"/>
    <xsl:param name="from" as="xs:integer"/>
    <xsl:param name="h" as="xs:integer"/>
    <xsl:iterate select="$codes">
      <xsl:param name="acc" as="xs:integer" select="$h"/>
      <xsl:on-completion select="$acc"/>
      <xsl:next-iteration>
        <xsl:with-param name="acc" select="($acc * $multiplier + . + $from) mod 2147483647"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

</xsl:stylesheet>
