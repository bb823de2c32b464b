<?xml version="1.0" encoding="UTF-8"?>
<!--
  json/edition.xsl: the edition-wide JSON (index.json, persons.json,
  places.json, orgs.json) from the edition-wide input of corpus.xsl
  (common/registers.xsl: the edition's header, registers and the
  documents' summaries), with the builders of json/document.xsl. Included
  by corpus.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:s="urn:edition:summary"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!--
    The JSON indexes of the edition-wide input (common/registers.xsl),
    written in $folder (a relative path ending in '/', or ''): index.json
    (fp:json-edition-documents, from the summaries alone) and the
    registers' (fp:json-edition-registers).
  -->
  <xsl:template name="fp:json-edition-documents" as="empty-sequence()">
    <xsl:param name="folder" as="xs:string" select="''"/>
    <xsl:result-document href="{$folder}index.json" method="text" encoding="UTF-8">
      <xsl:value-of select="concat(f:json-index(fp:edition('  ')), '&#10;')"/>
    </xsl:result-document>
  </xsl:template>

  <xsl:template name="fp:json-edition-registers" as="empty-sequence()">
    <xsl:param name="folder" as="xs:string" select="''"/>
    <xsl:variable name="edition" as="xs:string" select="fp:edition('  ')"/>
    <xsl:for-each select="$f:register-kinds">
      <xsl:result-document href="{$folder}{.}.json" method="text" encoding="UTF-8">
        <xsl:value-of select="concat(f:json-register(., $edition), '&#10;')"/>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== The edition ===== -->

  <xsl:function name="fp:edition" as="xs:string">
    <xsl:param name="indent" as="xs:string"/>
    <xsl:sequence select="fp:object($indent, ('title', 'version', 'baseUrl', 'licence', 'licenceLabel', 'generated'), (
        fp:string($f:edition-title),
        fp:text($f:version),
        fp:text($base-url),
        fp:text($f:licence-url),
        fp:text($f:licence-name),
        fp:text($generated-date)))"/>
  </xsl:function>

  <!--
    One side of a correspDesc in index.json, from a summary's s:actions
    (fp:index-actions), as a document's JSON gives it (fp:correspondents):
    every agent of every action, each with its action's place and date; an
    action that names no one, one object whose ref and name are null.
  -->
  <xsl:function name="fp:summary-correspondents" as="xs:string">
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="actions" as="element(s:action)*"/>
    <xsl:variable name="objects" as="xs:string*">
      <xsl:for-each select="$actions">
        <xsl:variable name="place" as="element(s:place)?" select="s:place[1]"/>
        <xsl:variable name="date" as="element(s:date)?" select="s:date[1]"/>
        <xsl:variable name="subtype" as="xs:string?" select="@subtype"/>
        <!-- An s:action has no @ref or @name of its own: one naming no one gives nulls. -->
        <xsl:for-each select="if (exists(s:agent)) then s:agent else .">
          <xsl:sequence select="fp:correspondent(concat($indent, '  '), @ref, @name,
                                                 $place/@name, $place/@ref, $date/@iso, $date/@text, $subtype, ())"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="fp:array($indent, $objects)"/>
  </xsl:function>

  <!-- index.json; $edition is the edition object (fp:edition) laid out for two spaces. -->
  <xsl:function name="f:json-index" as="xs:string">
    <xsl:param name="edition" as="xs:string"/>
    <xsl:variable name="documents" as="xs:string*">
      <xsl:for-each select="$fp:summaries">
        <xsl:variable name="main" as="element(s:corresp)?" select="s:corresp[@main]"/>
        <xsl:variable name="file" as="xs:string" select="string(@file)"/>
        <xsl:sequence select="fp:object('    ', ('id', 'file', 'n', 'title', 'type', 'date', 'sender', 'recipient', 'files'), (
            fp:string(@id),
            fp:string($file),
            fp:string(@n),
            fp:string(@title),
            fp:string(@type),
            concat('{&#10;        &quot;when&quot;: ', fp:string(@date-when), ',&#10;        &quot;text&quot;: ', fp:text(@date-text), '&#10;      }'),
            fp:summary-correspondents('      ', fp:index-actions($main, 'sent')),
            fp:summary-correspondents('      ', fp:index-actions($main, 'received')),
            fp:object('      ', ('html', 'text', 'json', 'tei'), (
                fp:string(concat($file, '.html')),
                fp:string(concat('text/', $file, '.txt')),
                fp:string(concat('json/', $file, '.json')),
                fp:string(concat('tei/', $file, '.xml'))))))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="fp:object('', ('edition', 'documents'), ($edition, fp:array('  ', $documents)))"/>
  </xsl:function>

  <!--
    For the registers' lists of documents: the "id", "n" and "title" members
    of each document (laid out for a document object of a register entry),
    by output base name (the first summary of a name gives them). Made once,
    not once per entry and document.
  -->
  <xsl:function name="fp:register-documents" as="map(xs:string, xs:string)">
    <xsl:sequence select="map:merge(
        for $file in map:keys($fp:summary-by-file)
        return map:entry($file, fp:register-document($file, $fp:summary-by-file($file))))"/>
  </xsl:function>

  <xsl:function name="fp:register-document" as="xs:string">
    <xsl:param name="file" as="xs:string"/>
    <xsl:param name="summary" as="element(s:document)?"/>
    <xsl:sequence select="concat('&quot;id&quot;: ', fp:string($file),
                                 ',&#10;          &quot;n&quot;: ', fp:string($summary/@n),
                                 ',&#10;          &quot;title&quot;: ', fp:string($summary/@title))"/>
  </xsl:function>

  <!--
    persons.json, places.json or orgs.json; $edition is the edition object
    (fp:edition) laid out for two spaces. Each entry's object is one of its
    parts (common/entry-parts.xsl), in the order of the register lists.
  -->
  <xsl:function name="f:json-register" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="edition" as="xs:string"/>
    <xsl:sequence select="fp:object('', ('edition', 'register', 'entries'), ($edition, fp:string($kind), fp:array('  ', fp:sorted-entry-parts($kind) ! ?json)))"/>
  </xsl:function>

  <!--
    One entry's object in persons.json, places.json or orgs.json, laid out
    for four spaces; $register-documents is fp:register-documents().
  -->
  <xsl:function name="fp:json-register-entry" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="register-documents" as="map(xs:string, xs:string)"/>
    <xsl:variable name="in-documents" as="xs:string*">
      <!--
        One object per document, written out here rather than with fp:object, fp:strings and fp:string: a
        register has an object for every document naming every entry, and in SaxonJS each function call
        costs tens of µs. Only a note's number can hold characters JSON escapes: note ids are f:note-id
        values and document names f:doc-file values (both f:safe-name), roles and kinds come from fixed lists.
      -->
      <xsl:for-each-group select="f:entry-occurrences($entry)" group-by="@doc">
        <xsl:variable name="doc" as="xs:string" select="current-grouping-key()"/>
        <xsl:variable name="roles" as="xs:string*"
          select="distinct-values(current-group()[not(@role = 'note')]/concat(@role, if (@corresp = 'other') then '-embedded' else ''))"/>
        <xsl:variable name="note-objects" as="xs:string*">
          <xsl:for-each-group select="current-group()[@role = 'note']" group-by="@note">
            <xsl:sequence select="concat('{&#10;              &quot;id&quot;: &quot;', @note,
                '&quot;,&#10;              &quot;n&quot;: ', fp:string(string(@note-n)),
                ',&#10;              &quot;type&quot;: &quot;', @note-kind,
                '&quot;,&#10;              &quot;href&quot;: &quot;', $doc, '.html#', @note,
                '&quot;&#10;            }')"/>
          </xsl:for-each-group>
        </xsl:variable>
        <xsl:sequence select="concat('{&#10;          ',
            if (map:contains($register-documents, $doc)) then map:get($register-documents, $doc) else fp:register-document($doc, ()),
            ',&#10;          &quot;roles&quot;: ',
            if (empty($roles)) then '[]'
            else concat('[&#10;            &quot;', string-join($roles, '&quot;,&#10;            &quot;'), '&quot;&#10;          ]'),
            ',&#10;          &quot;notes&quot;: ',
            if (empty($note-objects)) then '[]'
            else concat('[&#10;            ', string-join($note-objects, ',&#10;            '), '&#10;          ]'),
            '&#10;        }')"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:for-each select="$entry">
      <xsl:sequence select="fp:object('    ', ('id', 'ref', 'page', 'label', 'names', 'note', 'authority', 'documents'), (
          fp:string(string(@xml:id)),
          fp:string(concat($kind, '.xml#', @xml:id)),
          fp:string(concat($kind, '/', f:safe-name(@xml:id), '.html')),
          fp:string(f:entry-label(.)),
          fp:array('      ', for $name in f:entry-names(.) return fp:object('        ', ('type', 'lang', 'text'), (
              fp:text($name/@type),
              fp:text($name/@xml:lang),
              fp:string(normalize-space(string($name)))))),
          fp:string(string-join(note/f:plain-line(node()), ' ')[. != '']),
          fp:strings('      ', f:authority-uris(.)),
          fp:array('      ', $in-documents)))"/>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
