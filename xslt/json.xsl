<?xml version="1.0" encoding="UTF-8"?>
<!--
  json.xsl: one TEI document to one JSON object; a teiCorpus to index.json,
  persons.json, places.json and orgs.json (xsl:result-document). The shapes
  are the contract in schema/edition-json.schema.json.

  The JSON is built as XPath 3.1 JSON-XML (fn:map, fn:string, …) and
  written by f:json-serialize below, not with method="json": maps in XSLT
  3.0 have no order, and the engines' serialisers differ in layout and
  escaping ('/' as '\/'). This keeps the keys in the documented order and
  the bytes identical under Saxon-HE and SaxonJS: two-space indentation,
  only '"', '\' and control characters escaped.

  `text` is the reading text of common/plain.xsl without the markers that
  only the .txt file shows (note numbers, hands, pages). Offsets (start,
  end, anchor) count Unicode code points in `text` (string-length does) and
  are end-exclusive: substring(text, start + 1, end - start) is the
  entity's or lemma's text. A note's `anchor` is the offset of its place in
  `text`, or null when the source gives it none. Absent values are null;
  no key is ever left out.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:j="http://www.w3.org/2005/xpath-functions"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/urls.xsl"/>
  <xsl:include href="common/names.xsl"/>
  <xsl:include href="common/dates.xsl"/>
  <xsl:include href="common/header.xsl"/>
  <xsl:include href="common/notes.xsl"/>
  <xsl:include href="common/apparatus.xsl"/>
  <xsl:include href="common/interventions.xsl"/>
  <xsl:include href="common/layout.xsl"/>
  <xsl:include href="common/plain.xsl"/>
  <xsl:include href="common/registers.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- The entry: a TEI document or a teiCorpus. -->
  <xsl:mode on-no-match="shallow-skip"/>


  <xsl:template match="/" as="node()*">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- Anything that is not TEI or teiCorpus: a document object all the same, from what is there. -->
  <xsl:template match="/*" priority="-1" as="node()*">
    <xsl:value-of select="concat(f:json-serialize(f:json-document(.)), '&#10;')"/>
  </xsl:template>

  <xsl:template match="/TEI" as="node()*">
    <xsl:value-of select="concat(f:json-serialize(f:json-document(.)), '&#10;')"/>
  </xsl:template>

  <xsl:template match="/teiCorpus" as="node()*">
    <xsl:variable name="corpus" as="element(teiCorpus)" select="."/>
    <xsl:result-document href="index.json" method="text" encoding="UTF-8">
      <xsl:value-of select="concat(f:json-serialize(f:json-index($corpus)), '&#10;')"/>
    </xsl:result-document>
    <xsl:for-each select="$f:register-kinds">
      <xsl:result-document href="{.}.json" method="text" encoding="UTF-8">
        <xsl:value-of select="concat(f:json-serialize(f:json-register($corpus, .)), '&#10;')"/>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== Writing JSON ===== -->

  <!-- JSON-XML (fn:map, fn:array, fn:string, fn:number, fn:boolean, fn:null) as indented JSON text. -->
  <xsl:function name="f:json-serialize" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="fp:json-value($node, '')"/>
  </xsl:function>

  <xsl:function name="fp:json-value" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:variable name="inner" as="xs:string" select="concat($indent, '  ')"/>
    <xsl:sequence select="
        if ($node/self::j:map) then
          (if (empty($node/*)) then '{}'
           else concat('{&#10;', string-join(
                  for $m in $node/* return concat($inner, fp:json-string(string($m/@key)), ': ', fp:json-value($m, $inner)),
                  ',&#10;'), '&#10;', $indent, '}'))
        else if ($node/self::j:array) then
          (if (empty($node/*)) then '[]'
           else concat('[&#10;', string-join(
                  for $m in $node/* return concat($inner, fp:json-value($m, $inner)),
                  ',&#10;'), '&#10;', $indent, ']'))
        else if ($node/self::j:string) then fp:json-string(string($node))
        else if ($node/self::j:number) then string(xs:decimal($node))
        else if ($node/self::j:boolean) then (if (xs:boolean($node)) then 'true' else 'false')
        else 'null'"/>
  </xsl:function>

  <!-- A JSON string literal: '"' and '\' escaped, control characters as \n, \r, \t or \uXXXX. -->
  <xsl:function name="fp:json-string" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="escaped" as="xs:string" select="replace(replace($s, '\\', '\\\\'), '&quot;', '\\&quot;')"/>
    <xsl:sequence select="concat('&quot;',
        if (not(matches($escaped, '\p{Cc}'))) then $escaped
        else string-join(for $c in string-to-codepoints($escaped)
                         return if ($c = 10) then '\n' else if ($c = 13) then '\r' else if ($c = 9) then '\t'
                                else if ($c lt 32 or ($c ge 127 and $c lt 160))
                                  then concat('\u', substring(concat('000', fp:hex($c)), string-length(fp:hex($c)), 4))
                                else codepoints-to-string($c), ''),
        '&quot;')"/>
  </xsl:function>

  <!-- ===== Building blocks ===== -->

  <xsl:function name="fp:string" as="element()">
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:choose>
      <xsl:when test="exists($value)">
        <j:string>
          <xsl:if test="exists($key)"><xsl:attribute name="key" select="$key"/></xsl:if>
          <xsl:value-of select="$value"/>
        </j:string>
      </xsl:when>
      <xsl:otherwise>
        <j:null>
          <xsl:if test="exists($key)"><xsl:attribute name="key" select="$key"/></xsl:if>
        </j:null>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A string, with '' made null: for values read from the source. -->
  <xsl:function name="fp:text" as="element()">
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="fp:string($key, normalize-space($value)[. != ''])"/>
  </xsl:function>

  <xsl:function name="fp:number" as="element()">
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="value" as="xs:integer?"/>
    <xsl:choose>
      <xsl:when test="exists($value)">
        <j:number key="{$key}"><xsl:value-of select="$value"/></j:number>
      </xsl:when>
      <xsl:otherwise>
        <j:null key="{$key}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- {when, text} for a dating element. -->
  <xsl:function name="fp:date" as="element(j:map)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="dated" as="element()?"/>
    <xsl:param name="words" as="xs:string?"/>
    <j:map key="{$key}">
      <xsl:sequence select="fp:string('when', f:date-iso($dated))"/>
      <xsl:sequence select="fp:text('text', ($words, f:date-text($dated))[normalize-space(.) != ''][1])"/>
    </j:map>
  </xsl:function>

  <!-- {ref, name, place, placeRef, date} for one side of a correspDesc. -->
  <xsl:function name="fp:party" as="element(j:map)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="action" as="element(correspAction)?"/>
    <xsl:variable name="agents" as="element()*" select="f:action-agents($action)"/>
    <xsl:variable name="place" as="element()?" select="f:action-place($action)"/>
    <j:map key="{$key}">
      <xsl:sequence select="fp:text('ref', string-join($agents/@ref/normalize-space(.), ' '))"/>
      <xsl:sequence select="fp:text('name', string-join($agents/f:name-string(.), ', '))"/>
      <xsl:sequence select="fp:text('place', if ($place) then f:name-string($place) else ())"/>
      <xsl:sequence select="fp:text('placeRef', $place/@ref)"/>
      <xsl:sequence select="fp:date('date', f:action-date($action), ())"/>
    </j:map>
  </xsl:function>

  <!--
    Offsets in a flattened text: fp:at records for every fp:span (start,
    end) and fp:point (offset) of the paragraphs, joined as the text is
    joined (a blank line between paragraphs).
  -->
  <xsl:function name="fp:offsets" as="element(fp:at)*">
    <xsl:param name="blocks" as="element(fp:block)*"/>
    <xsl:variable name="joined" as="element(fp:joined)">
      <fp:joined>
        <xsl:for-each select="$blocks">
          <xsl:if test="position() gt 1">
            <xsl:text>&#10;&#10;</xsl:text>
          </xsl:if>
          <xsl:sequence select="node()"/>
        </xsl:for-each>
      </fp:joined>
    </xsl:variable>
    <xsl:iterate select="$joined//(text() | fp:span | fp:point)">
      <xsl:param name="offset" as="xs:integer" select="0"/>
      <xsl:choose>
        <xsl:when test=". instance of text()">
          <xsl:next-iteration>
            <xsl:with-param name="offset" select="$offset + string-length(.)"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:when test="self::fp:span">
          <fp:at start="{$offset}" end="{$offset + string-length(.)}" text="{string(.)}">
            <xsl:sequence select="@*"/>
          </fp:at>
        </xsl:when>
        <xsl:otherwise>
          <fp:at start="{$offset}" end="{$offset}">
            <xsl:sequence select="@*"/>
          </fp:at>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- The entities array for offset records. -->
  <xsl:function name="fp:entities" as="element(j:array)">
    <xsl:param name="offsets" as="element(fp:at)*"/>
    <j:array key="entities">
      <xsl:for-each select="$offsets[@kind = 'entity']">
        <j:map>
          <xsl:sequence select="fp:string('type', @type)"/>
          <xsl:sequence select="fp:string('ref', @ref)"/>
          <xsl:sequence select="fp:number('start', xs:integer(@start))"/>
          <xsl:sequence select="fp:number('end', xs:integer(@end))"/>
          <xsl:sequence select="fp:string('text', @text)"/>
        </j:map>
      </xsl:for-each>
    </j:array>
  </xsl:function>

  <!-- ===== One document ===== -->

  <xsl:function name="f:json-document" as="element(j:map)">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="main" as="element(correspDesc)?" select="f:main-corresp($tei)"/>
    <xsl:variable name="blocks" as="element(fp:block)*" select="f:plain-blocks($tei/text, false())"/>
    <xsl:variable name="offsets" as="element(fp:at)*" select="fp:offsets($blocks)"/>
    <xsl:variable name="doc-date" as="element()?" select="$tei/text/front/docDate[1]"/>
    <j:map>
      <xsl:sequence select="fp:string('id', f:doc-id($tei))"/>
      <xsl:sequence select="fp:string('file', f:doc-file($tei))"/>
      <xsl:sequence select="fp:string('n', f:doc-number($tei))"/>
      <xsl:sequence select="fp:string('title', f:doc-title($tei))"/>
      <xsl:sequence select="fp:string('type', f:doc-type($tei))"/>
      <xsl:sequence select="fp:date('date', f:doc-date-attributes($tei),
                                    if ($doc-date) then f:plain-line($doc-date/node()) else ())"/>
      <xsl:sequence select="fp:party('sender', f:corresp-action($main, 'sent'))"/>
      <xsl:sequence select="fp:party('recipient', f:corresp-action($main, 'received'))"/>
      <j:array key="embedded">
        <xsl:for-each select="f:other-corresps($tei)">
          <j:map>
            <xsl:sequence select="fp:text('id', @xml:id)"/>
            <xsl:sequence select="fp:party('sender', f:corresp-action(., 'sent'))"/>
            <xsl:sequence select="fp:party('recipient', f:corresp-action(., 'received'))"/>
          </j:map>
        </xsl:for-each>
      </j:array>
      <j:map key="archive">
        <xsl:sequence select="fp:string('citation', f:archival-citation($tei))"/>
        <xsl:sequence select="fp:string('repository', f:repository($tei))"/>
        <xsl:sequence select="fp:string('fond', f:ms-idno($tei, 'fond'))"/>
        <xsl:sequence select="fp:string('opis', f:ms-idno($tei, 'opis'))"/>
        <xsl:sequence select="fp:string('delo', f:ms-idno($tei, 'delo'))"/>
        <xsl:sequence select="fp:string('folios', f:folios($tei))"/>
        <xsl:sequence select="fp:text('description',
                                      string-join(f:physical-description($tei)/f:plain-line(.), ' '))"/>
      </j:map>
      <xsl:sequence select="fp:string('text', string-join($blocks/string(.), '&#10;&#10;'))"/>
      <xsl:sequence select="fp:entities($offsets)"/>
      <j:array key="notes">
        <xsl:for-each select="f:doc-notes($tei)">
          <xsl:variable name="id" as="xs:string" select="f:note-id(.)"/>
          <xsl:variable name="note-blocks" as="element(fp:block)*" select="f:plain-blocks(node(), false())"/>
          <j:map>
            <xsl:sequence select="fp:string('id', $id)"/>
            <xsl:sequence select="fp:string('n', f:note-number(.))"/>
            <xsl:sequence select="fp:string('type', (@type/normalize-space(.)[. != ''], f:note-kind(.))[1])"/>
            <xsl:sequence select="fp:text('resp', @resp)"/>
            <xsl:sequence select="fp:string('text', string-join($note-blocks/string(.), '&#10;&#10;'))"/>
            <xsl:sequence select="fp:number('anchor', xs:integer($offsets[@kind = 'note'][@note = $id][1]/@start))"/>
            <j:array key="targets">
              <xsl:for-each select="f:local-ids(@target)">
                <j:string><xsl:value-of select="."/></j:string>
              </xsl:for-each>
            </j:array>
            <xsl:sequence select="fp:entities(fp:offsets($note-blocks))"/>
          </j:map>
        </xsl:for-each>
      </j:array>
      <j:array key="apparatus">
        <xsl:for-each select="f:doc-apps($tei)">
          <xsl:variable name="id" as="xs:string" select="f:app-id(.)"/>
          <xsl:variable name="at" as="element(fp:at)?" select="$offsets[@kind = 'app'][@id = $id][1]"/>
          <xsl:variable name="lemma" as="element()?" select="f:app-lemma(.)"/>
          <j:map>
            <xsl:sequence select="fp:string('id', $id)"/>
            <xsl:sequence select="fp:number('start', xs:integer($at/@start))"/>
            <xsl:sequence select="fp:number('end', xs:integer($at/@end))"/>
            <xsl:sequence select="fp:string('lem', if ($at) then string($at/@text) else f:plain-line($lemma/node()))"/>
            <xsl:sequence select="fp:text('lemWit', string-join(f:witness-sigla($lemma/@wit), '; '))"/>
            <j:array key="readings">
              <xsl:for-each select="f:app-readings(.)">
                <j:map>
                  <xsl:sequence select="fp:text('wit', string-join(f:witness-sigla(@wit), '; '))"/>
                  <xsl:sequence select="fp:string('text', f:plain-line(node()))"/>
                </j:map>
              </xsl:for-each>
            </j:array>
          </j:map>
        </xsl:for-each>
      </j:array>
    </j:map>
  </xsl:function>

  <!-- ===== The edition ===== -->

  <xsl:function name="fp:edition" as="element(j:map)">
    <j:map key="edition">
      <xsl:sequence select="fp:string('title', $f:edition-title)"/>
      <xsl:sequence select="fp:text('version', $f:version)"/>
      <xsl:sequence select="fp:text('baseUrl', $base-url)"/>
      <xsl:sequence select="fp:text('licence', $f:licence-url)"/>
      <xsl:sequence select="fp:text('licenceLabel', $f:licence-name)"/>
      <xsl:sequence select="fp:text('generated', $generated-date)"/>
    </j:map>
  </xsl:function>

  <xsl:function name="f:json-index" as="element(j:map)">
    <xsl:param name="corpus" as="element(teiCorpus)"/>
    <j:map>
      <xsl:sequence select="fp:edition()"/>
      <j:array key="documents">
        <xsl:for-each select="f:documents-in-order($corpus)">
          <xsl:variable name="tei" as="element(TEI)" select="."/>
          <xsl:variable name="main" as="element(correspDesc)?" select="f:main-corresp($tei)"/>
          <xsl:variable name="file" as="xs:string" select="f:doc-file($tei)"/>
          <xsl:variable name="doc-date" as="element()?" select="$tei/text/front/docDate[1]"/>
          <j:map>
            <xsl:sequence select="fp:string('id', f:doc-id($tei))"/>
            <xsl:sequence select="fp:string('file', $file)"/>
            <xsl:sequence select="fp:string('n', f:doc-number($tei))"/>
            <xsl:sequence select="fp:string('title', f:doc-title($tei))"/>
            <xsl:sequence select="fp:string('type', f:doc-type($tei))"/>
            <xsl:sequence select="fp:date('date', f:doc-date-attributes($tei),
                                          if ($doc-date) then f:plain-line($doc-date/node()) else ())"/>
            <xsl:sequence select="fp:party('sender', f:corresp-action($main, 'sent'))"/>
            <xsl:sequence select="fp:party('recipient', f:corresp-action($main, 'received'))"/>
            <j:map key="files">
              <xsl:sequence select="fp:string('html', concat($file, '.html'))"/>
              <xsl:sequence select="fp:string('text', concat('text/', $file, '.txt'))"/>
              <xsl:sequence select="fp:string('json', concat('json/', $file, '.json'))"/>
              <xsl:sequence select="fp:string('tei', concat('tei/', $file, '.xml'))"/>
            </j:map>
          </j:map>
        </xsl:for-each>
      </j:array>
    </j:map>
  </xsl:function>

  <xsl:function name="f:json-register" as="element(j:map)">
    <xsl:param name="corpus" as="element(teiCorpus)"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="documents" as="element(TEI)*" select="f:documents-in-order($corpus)"/>
    <xsl:variable name="entries" as="element()*"
      select="f:register-entries(f:corpus-registers($corpus))[f:entry-kind(.) = $kind]"/>
    <j:map>
      <xsl:sequence select="fp:edition()"/>
      <xsl:sequence select="fp:string('register', $kind)"/>
      <j:array key="entries">
        <xsl:for-each select="$entries">
          <xsl:sort select="f:entry-sort-key(.)"/>
          <xsl:sort select="string(@xml:id)"/>
          <xsl:variable name="entry" as="element()" select="."/>
          <xsl:variable name="occurrences" as="element(fp:occurrence)*" select="f:entry-occurrences(., $documents)"/>
          <xsl:variable name="notes" as="xs:string?" select="string-join(note/f:plain-line(node()), ' ')[. != '']"/>
          <j:map>
            <xsl:sequence select="fp:string('id', string(@xml:id))"/>
            <xsl:sequence select="fp:string('ref', concat($kind, '.xml#', @xml:id))"/>
            <xsl:sequence select="fp:string('page', concat($kind, '/', f:safe-name(@xml:id), '.html'))"/>
            <xsl:sequence select="fp:string('label', f:entry-label(.))"/>
            <j:array key="names">
              <xsl:for-each select="f:entry-names(.)">
                <j:map>
                  <xsl:sequence select="fp:text('type', @type)"/>
                  <xsl:sequence select="fp:text('lang', @xml:lang)"/>
                  <xsl:sequence select="fp:string('text', normalize-space(string(.)))"/>
                </j:map>
              </xsl:for-each>
            </j:array>
            <xsl:sequence select="fp:string('note', $notes)"/>
            <j:array key="authority">
              <xsl:for-each select="f:authority-uris(.)">
                <j:string><xsl:value-of select="."/></j:string>
              </xsl:for-each>
            </j:array>
            <j:array key="documents">
              <xsl:for-each-group select="$occurrences" group-by="@doc">
                <xsl:variable name="doc" as="xs:string" select="current-grouping-key()"/>
                <xsl:variable name="tei" as="element(TEI)?" select="f:document-by-file($documents, $doc)"/>
                <j:map>
                  <xsl:sequence select="fp:string('id', current-grouping-key())"/>
                  <xsl:sequence select="fp:string('n', if ($tei) then f:doc-number($tei) else ())"/>
                  <xsl:sequence select="fp:string('title', if ($tei) then f:doc-title($tei) else ())"/>
                  <j:array key="roles">
                    <xsl:for-each select="distinct-values(current-group()[not(@role = 'note')]/concat(@role, if (@corresp = 'other') then '-embedded' else ''))">
                      <j:string><xsl:value-of select="."/></j:string>
                    </xsl:for-each>
                  </j:array>
                  <j:array key="notes">
                    <xsl:for-each-group select="current-group()[@role = 'note']" group-by="@note">
                      <j:map>
                        <xsl:sequence select="fp:string('id', string(@note))"/>
                        <xsl:sequence select="fp:string('n', string(@note-n))"/>
                        <xsl:sequence select="fp:string('type', string(@note-kind))"/>
                        <xsl:sequence select="fp:string('href', concat($doc, '.html#', @note))"/>
                      </j:map>
                    </xsl:for-each-group>
                  </j:array>
                </j:map>
              </xsl:for-each-group>
            </j:array>
          </j:map>
        </xsl:for-each>
      </j:array>
    </j:map>
  </xsl:function>

</xsl:stylesheet>
