<?xml version="1.0" encoding="UTF-8"?>
<!--
  registers.xsl: the input of the edition-wide transformation (corpus.xsl)
  and where each register entry occurs in it.

  The input is one element, which the build assembles from files and
  summaries without reading either:
    <s:edition xmlns:s="urn:edition:summary">
      <s:header>the edition header's TEI, as written</s:header>
      <s:register>a register's TEI, as written</s:register> …
      <s:document …/> …   every document's summary (common/summary.xsl), in collection order
    </s:edition>
  The registers are the s:register TEIs whose body holds listPerson,
  listPlace or listOrg, and, in a foreign folder, the entries the documents'
  summaries carry from their own lists (s:entries). Occurrences are the summaries'
  s:names records, each naming some entries:
    <s:names doc="doc068" role="sender|recipient|place-sent|place-received|header|text|note"
             corresp="main|other" note="doc068-n2" note-n="2" note-kind="source|editorial" entries="persons#id places#id"/>
  An entry's occurrences are the s:names that name it, in collection and
  document order.
  Every look-up below is a map made once per transformation.
  No mode: global variables and functions only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:s="urn:edition:summary"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The edition-wide input, if that is what is being transformed. -->
  <xsl:variable name="fp:edition" as="element(s:edition)?" select="/s:edition"/>

  <!-- The edition TEI (edition.xml, for about.html), if the edition has one. -->
  <xsl:variable name="fp:edition-tei" as="element(TEI)?" select="$fp:edition/s:header/TEI[1]"/>

  <!-- The registers. -->
  <xsl:variable name="fp:registers" as="element(TEI)*" select="$fp:edition/s:register/TEI[f:is-register(.)]"/>

  <!-- The documents' summaries in collection order: by numeric number (unnumbered last), then as given. -->
  <xsl:variable name="fp:summaries" as="element(s:document)*">
    <xsl:perform-sort select="$fp:edition/s:document">
      <xsl:sort select="let $n := string(@n) return if ($n castable as xs:decimal) then xs:decimal($n) else 1e15"
                data-type="number"/>
    </xsl:perform-sort>
  </xsl:variable>

  <!-- The register entries of one kind ('persons', 'places', 'orgs'), in register and document order. -->
  <xsl:function name="f:entries-of-kind" as="element()*">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="$fp:entries-by-kind($kind)"/>
  </xsl:function>

  <xsl:variable name="fp:entries-by-kind" as="map(xs:string, element()*)">
    <xsl:map>
      <xsl:for-each-group select="f:register-entries($fp:registers), $fp:document-entries" group-by="f:entry-kind(.)">
        <xsl:map-entry key="string(current-grouping-key())" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!--
    The entries of a kind that have pages (and a place in the register's
    index and JSON): every entry, but in a foreign folder, whose registers
    may be another edition's whole (thousands of places), only those its
    documents name.
  -->
  <xsl:function name="f:entries-with-pages" as="element()*">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="if ($f:foreign) then f:entries-of-kind($kind)[exists(f:entry-occurrences(.))] else f:entries-of-kind($kind)"/>
  </xsl:function>

  <!--
    The entries of the registers by 'kind#id' (the first, in register order
    and then document order, of the elements with that id and kind).
  -->
  <xsl:variable name="fp:register-source-entries" as="map(xs:string, element())"
    select="map:merge(
      for $r in $fp:registers
      return $r//(person | personGrp | place | org)[@xml:id][ancestor::TEI[1] is $r]/map:entry(concat(f:entry-kind(.), '#', @xml:id), .),
      map { 'duplicates': 'use-first' })"/>

  <!--
    The entries a foreign folder's documents describe in lists of their own
    (a letter's back/listPerson), as their summaries carry them (s:entries,
    common/summary.xsl): per kind and id the first, in collection order,
    unless a register has that entry. A letter's copy has no list around
    it, so its kind is its element's (person: persons, place: places, org:
    orgs), as the build counts it (src/site/foreign.ts).
  -->
  <xsl:variable name="fp:document-entries" as="element()*">
    <xsl:for-each-group select="$fp:summaries/s:entries/*[@xml:id]" group-by="concat(f:entry-kind(.), '#', @xml:id)">
      <xsl:if test="not(map:contains($fp:register-source-entries, current-grouping-key()))">
        <xsl:sequence select="current-group()[1]"/>
      </xsl:if>
    </xsl:for-each-group>
  </xsl:variable>

  <!-- Every register entry by 'kind#id': the registers', then the documents' own. -->
  <xsl:variable name="fp:source-entries" as="map(xs:string, element())"
    select="map:merge(($fp:register-source-entries,
                       for $e in $fp:document-entries return map:entry(concat(f:entry-kind($e), '#', $e/@xml:id), $e)),
                      map { 'duplicates': 'use-first' })"/>

  <!-- The register entry a pointer names, if any. -->
  <xsl:function name="f:entry-for-pointer" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="parts" as="xs:string*" select="fp:register-pointer($pointer)"/>
    <xsl:sequence select="if (empty($parts)) then () else $fp:source-entries(concat($parts[1], '#', $parts[2]))"/>
  </xsl:function>

  <!-- Every occurrence of every register entry, by 'kind#id', in collection order. -->
  <xsl:variable name="fp:occurrences-by-entry" as="map(xs:string, element(s:names)*)">
    <xsl:map>
      <xsl:for-each-group select="$fp:summaries/s:names" group-by="tokenize(@entries, ' ')">
        <xsl:map-entry key="string(current-grouping-key())" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!-- The occurrences of an entry of the registers, in collection order. -->
  <xsl:function name="f:entry-occurrences" as="element(s:names)*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$fp:occurrences-by-entry(concat(f:entry-kind($entry), '#', $entry/@xml:id))"/>
  </xsl:function>

  <!--
    The actions of sending (or of receipt) the index (index.html, json/index.json) shows for a document:
    every correspAction of that type (an email's several addressees, 'to'
    and 'cc', are all its recipients), but for a letter redirected or
    forwarded on its way (@subtype redirecting, forwarded …) only the
    first sender's and the last addressee's, when it has them.
  -->
  <xsl:function name="fp:index-actions" as="element(s:action)*">
    <xsl:param name="corresp" as="element(s:corresp)?"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:variable name="all" as="element(s:action)*" select="$corresp/s:action[@type = $type]"/>
    <xsl:variable name="direct" as="element(s:action)*"
      select="$all[not(@subtype = ('redirecting', 'redirected', 'forwarding', 'forwarded', 'transmitted'))]"/>
    <xsl:sequence select="if (exists($direct)) then $direct else $all"/>
  </xsl:function>

  <!-- The summary by output base name (the first of a name). -->
  <xsl:variable name="fp:summary-by-file" as="map(xs:string, element(s:document))"
    select="map:merge(for $d in $fp:summaries return map:entry(string($d/@file), $d), map { 'duplicates': 'use-first' })"/>

  <!-- The title of a document's page ('No. 68. Telegram of …', as html/page.xsl's fp:document-page makes it) from its summary. -->
  <xsl:function name="f:summary-page-title" as="xs:string">
    <xsl:param name="summary" as="element(s:document)"/>
    <xsl:sequence select="concat(if ($summary/@number-label) then concat($summary/@number-label, '. ') else '', $summary/@title)"/>
  </xsl:function>

  <!-- The roles other than 'note' in words (any other role reads 'text'); a note reads 'note N' or 'editorial note N'. -->
  <xsl:variable name="fp:role-words" as="map(xs:string, xs:string)" select="map {
      'sender': 'sender', 'recipient': 'recipient', 'place-sent': 'place of sending',
      'place-received': 'place of receipt', 'header': 'description' }"/>

</xsl:stylesheet>
