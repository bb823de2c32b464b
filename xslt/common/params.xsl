<?xml version="1.0" encoding="UTF-8"?>
<!--
  params.xsl: the stylesheet parameters every entry stylesheet accepts, and
  the edition-wide values derived from them and from the source.

  All parameters are strings (so they pass unchanged from the command line,
  name=value, and from SaxonJS stylesheetParams); an empty string means
  "not given". The stylesheets never read the clock: $generated-date is the
  only date of building, and the build derives it from SOURCE_DATE_EPOCH.
  No mode.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:s="urn:edition:summary"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The edition's version, e.g. '0.1.0'; cited in citations, footers, JSON and CMIF. -->
  <xsl:param name="edition-version" as="xs:string" select="''"/>

  <!-- The public URL of the site root, e.g. 'https://example.org/bolshevik/'. '' keeps every URL relative. -->
  <xsl:param name="base-url" as="xs:string" select="''"/>

  <!-- The licence URL, e.g. 'https://creativecommons.org/licenses/by/4.0/'. '' takes the header's licence/@target. -->
  <xsl:param name="licence" as="xs:string" select="''"/>

  <!-- The licence's name, e.g. 'CC BY 4.0'. '' takes the header's licence text, else the URL. -->
  <xsl:param name="licence-label" as="xs:string" select="''"/>

  <!-- Output base name of the document being transformed, e.g. 'doc068'. '' takes the sanitised TEI/@xml:id. -->
  <xsl:param name="doc-file" as="xs:string" select="''"/>

  <!-- Base name (id) of the previous document in collection order, for the prev link; () or '' when none. -->
  <xsl:param name="prev-doc" as="xs:string?" select="()"/>

  <!-- Base name (id) of the next document in collection order, for the next link; () or '' when none. -->
  <xsl:param name="next-doc" as="xs:string?" select="()"/>

  <!-- Date of the build as an ISO date (from SOURCE_DATE_EPOCH), e.g. '2024-05-01'; '' when not set. -->
  <xsl:param name="generated-date" as="xs:string" select="''"/>

  <!-- The edition's title. '' takes the corpus header's title (the build should pass it for single documents). -->
  <xsl:param name="edition-title" as="xs:string" select="''"/>

  <!--
    Which edition the sources are: '' for this edition's own (its house
    rules, and the wording of its pages), 'foreign' for a folder of someone
    else's TEI, whose pages say nothing this edition's rules alone make true.
  -->
  <xsl:param name="edition-profile" as="xs:string" select="''"/>

  <!-- Whether the sources are a foreign folder. -->
  <xsl:variable name="f:foreign" as="xs:boolean" select="$edition-profile = 'foreign'"/>

  <!--
    The documents of the folder and their output base names, one per line,
    'file name TAB base name' ('Brief (Kopie).xml	Brief-Kopie'). '' when not
    given: pointers to .xml files then go to their sanitised names as before.
    Given, a pointer to a file that is not in the folder is no link.
  -->
  <xsl:param name="document-files" as="xs:string" select="''"/>

  <!--
    Register entries that '#id' pointers (or pointers into a register file
    of any name, 'listplace.xml#id') name, as 'id kind' pairs separated by
    spaces ('pmb50 places pmb2121 persons'): the build passes only the
    entries the documents being transformed name, so a large register does
    not weigh on every letter. '' when none.
  -->
  <xsl:param name="register-entries" as="xs:string" select="''"/>

  <!-- The language of texts that do not state theirs (xml:lang or langUsage), e.g. 'de'; '' for none. -->
  <xsl:param name="text-lang" as="xs:string" select="''"/>
  <!--
    What a citation needs from the edition header (src/site/citation.ts): the
    editors' names, separated by '; ', and the printed collection as
    'title TAB compilers (; ) TAB place TAB publisher TAB year'. '' when not set.
  -->
  <xsl:param name="citation-editors" as="xs:string" select="''"/>
  <xsl:param name="citation-collection" as="xs:string" select="''"/>

  <!--
    Register entry pages not to make, by the entry's xml:id, separated by
    spaces: the build passes the ids whose pages it keeps from its last
    build (nothing they show has changed). '' makes every entry page.
  -->
  <xsl:param name="entry-pages-omitted" as="xs:string" select="''"/>

  <!-- $entry-pages-omitted as a set (a map: one look-up per entry, however many are omitted). -->
  <xsl:variable name="fp:omitted-entry-pages" as="map(xs:string, xs:boolean)"
    select="map:merge(for $id in tokenize(normalize-space($entry-pages-omitted), ' ') return map:entry($id, true()),
                      map { 'duplicates': 'use-first' })"/>

  <!--
    A batch: several documents made in one transformation (build.xsl's initial template), so
    that SaxonJS sets a transformation up once per batch instead of three
    times per document. $batch-documents are the sources; $batch-files,
    $batch-prev and $batch-next give, in the same order, what $doc-file,
    $prev-doc and $next-doc give for a single document ('' for none).
  -->
  <xsl:param name="batch-documents" as="document-node()*" select="()"/>
  <xsl:param name="batch-files" as="xs:string*" select="()"/>
  <xsl:param name="batch-prev" as="xs:string*" select="()"/>
  <xsl:param name="batch-next" as="xs:string*" select="()"/>

  <!-- The batch by document: generate-id() of the document node → (file, previous, next). -->
  <xsl:variable name="fp:batch" as="map(xs:string, xs:string*)"
    select="map:merge(for $i in 1 to count($batch-documents)
                      return map:entry(generate-id($batch-documents[$i]), ($batch-files[$i], $batch-prev[$i], $batch-next[$i])))"/>

  <!-- The batch's (file, previous, next) of the document $node is in; () outside a batch. -->
  <xsl:function name="fp:batch-entry" as="xs:string*">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="if (exists($batch-documents)) then map:get($fp:batch, generate-id(root($node))) else ()"/>
  </xsl:function>

  <!-- The output base name the parameters give the document $node is in ($doc-file, or its entry in $batch-files). -->
  <xsl:function name="fp:file-parameter" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="if (exists($batch-documents)) then fp:batch-entry($node)[1] else $doc-file"/>
  </xsl:function>

  <!-- ===== Derived, edition-wide values ===== -->

  <!-- The edition's header (edition.xml's teiHeader) when the source is the edition-wide input (common/registers.xsl). -->
  <xsl:variable name="f:edition-header" as="element(teiHeader)?"
    select="(/s:edition/s:header//teiHeader)[1]"/>

  <xsl:variable name="f:edition-title" as="xs:string" select="(
      normalize-space($edition-title),
      f:header-title($f:edition-header),
      normalize-space(string(/TEI/teiHeader/fileDesc/seriesStmt/title[1])),
      'Edition')[. != ''][1]"/>

  <!-- A value marked PLACEHOLDER is not set: the pages name no licence (the build warns, src/site/unset-values.ts). -->
  <xsl:variable name="f:licence-url" as="xs:string" select="string((
      f:clean-url($licence),
      for $t in ($f:edition-header, /TEI/teiHeader)//availability/licence/@target return f:clean-url($t),
      '')[. != '' and f:is-safe-url(.) and not(contains(., 'PLACEHOLDER'))][1])"/>

  <xsl:variable name="f:licence-name" as="xs:string" select="string((
      normalize-space($licence-label),
      for $l in ($f:edition-header, /TEI/teiHeader)//availability/licence return normalize-space(string($l)),
      $f:licence-url, '')[. != '' and not(contains(., 'PLACEHOLDER'))][1])"/>

  <xsl:variable name="f:version" as="xs:string" select="string((
      normalize-space($edition-version),
      normalize-space($f:edition-header/fileDesc/editionStmt/edition[1]/@n),
      '')[. != ''][1])"/>

</xsl:stylesheet>
