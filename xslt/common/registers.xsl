<?xml version="1.0" encoding="UTF-8"?>
<!--
  registers.xsl: where each register entry occurs in a corpus.

  A corpus document may have been reduced by the build to its teiHeader,
  front, the elements of its text with @ref and its notes (src/build/corpus.ts),
  so occurrences are read only from those: correspDesc names (sender, recipient and their
  places), other header names, names in the text, names in notes.
  HTML and JSON format the same occurrence records:
    <fp:occurrence doc="doc068" role="sender|recipient|place-sent|place-received|header|text|note"
                   corresp="main|other" note="doc068-n2" note-n="2"/>
  No mode: functions and one key only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Elements by the register entry ids their @ref names. -->
  <xsl:key name="fp:refs-by-entry" match="*[@ref]" use="f:register-ids(@ref)"/>

  <!-- The register entry (in the corpus's registers) a pointer names, if any. -->
  <xsl:function name="f:entry-for-pointer" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="corpus" as="element(teiCorpus)?"/>
    <xsl:variable name="id" as="xs:string?" select="f:register-id($pointer)"/>
    <xsl:variable name="kind" as="xs:string?" select="f:register-kind($pointer)"/>
    <xsl:sequence select="if (empty($id) or empty($corpus)) then ()
                          else if ($corpus is $fp:source-corpus) then $fp:source-entries(concat($kind, '#', $id))
                          else (for $r in f:corpus-registers($corpus) return key('fp:by-id', $id, root($r))[ancestor::TEI[1] is $r])
                                [self::person or self::personGrp or self::place or self::org][f:entry-kind(.) = $kind][1]"/>
  </xsl:function>

  <!--
    The entries of the source corpus's registers by 'kind#id' (what
    f:entry-for-pointer finds: the first, in register order and then
    document order, of the elements with that id and kind). Made once: CMIF
    asks for an entry per distinct pointer, and looking one up in the key
    of the whole corpus took 4 ms at 1,000 letters and 10 ms at 10,000.
  -->
  <xsl:variable name="fp:source-entries" as="map(xs:string, element())"
    select="map:merge(
      for $r in $fp:source-registers
      return $r//(person | personGrp | place | org)[@xml:id][ancestor::TEI[1] is $r]/map:entry(concat(f:entry-kind(.), '#', @xml:id), .),
      map { 'duplicates': 'use-first' })"/>

  <!--
    Every occurrence of an entry in the corpus's documents (element(TEI)*), in
    collection order. $documents has no declared type: SaxonJS checks a
    declared sequence type item by item at every call, and this is called for
    every entry with every document of the corpus.
  -->
  <xsl:function name="f:entry-occurrences" as="element(fp:occurrence)*">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="documents"/>
    <xsl:variable name="entry-key" as="xs:string" select="concat(f:entry-kind($entry), '#', $entry/@xml:id)"/>
    <xsl:variable name="corpus" as="element(teiCorpus)?" select="$documents[1]/parent::teiCorpus"/>
    <!-- The corpus being transformed has every occurrence indexed once; anything else is read document by document. -->
    <xsl:sequence select="
        if (exists($corpus) and $corpus is $fp:source-corpus and count($documents) gt 1)
        then $fp:occurrences-by-entry($entry-key)
        else (for $d in $documents
              return fp:document-occurrences($d, key('fp:refs-by-entry', string($entry/@xml:id), $d))[@entry = $entry-key])"/>
  </xsl:function>

  <!--
    Every occurrence of every register entry in the corpus's documents, made
    in one pass: an entry page asks for its occurrences several times, and
    looking each entry up in the whole corpus made the register pages grow
    with the square of the corpus. Names in TEI nested inside a document do
    not count (the same as the document-by-document reading).
  -->
  <xsl:variable name="fp:corpus-occurrences" as="document-node()">
    <xsl:document>
      <!-- Under one element, grouped by document: SaxonJS builds a long run of children of a document
           node in time that grows with the square of their number (20,000 took seconds). -->
      <fp:occurrences>
        <!-- The documents in corpus order ('/self::TEI' puts the collection order back into document order). -->
        <xsl:for-each select="$fp:source-documents/self::TEI">
          <xsl:variable name="tei" as="element(TEI)" select="."/>
          <fp:document>
            <!-- Only a document with TEI nested in it has names that are not its own. -->
            <xsl:sequence select="fp:document-occurrences($tei, if (exists(.//TEI)) then .//*[@ref][ancestor::TEI[1] is $tei] else .//*[@ref])"/>
          </fp:document>
        </xsl:for-each>
      </fp:occurrences>
    </xsl:document>
  </xsl:variable>

  <!-- The same, by entry. A map, not a key: SaxonJS does not keep a key's index of a tree made during the transformation. -->
  <xsl:variable name="fp:occurrences-by-entry" as="map(xs:string, element(fp:occurrence)*)">
    <xsl:map>
      <xsl:for-each-group select="$fp:corpus-occurrences/fp:occurrences/fp:document/fp:occurrence" group-by="@entry">
        <xsl:map-entry key="string(current-grouping-key())" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!--
    The occurrences made by some name elements of one document: one per
    element and register entry it names (@entry is 'persons#id' and so on),
    with its role, and for a sender's, recipient's or place's name whether
    the main correspDesc names it (@corresp), for a name in a note that
    note's id, number and kind. A corpus has tens of thousands of names, and
    in SaxonJS every function call costs tens of µs, so the work per name is
    kept to the least: a note's attributes are worked out once for a run of
    names in it, and the register pointer is read with one literal replace
    per token (the pattern of fp:register-pointer).
  -->
  <xsl:function name="fp:document-occurrences" as="element(fp:occurrence)*">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:param name="refs" as="element()*"/>
    <xsl:variable name="main" as="element(correspDesc)?" select="if (exists($refs)) then f:main-corresp($tei) else ()"/>
    <xsl:variable name="doc" as="xs:string" select="if (exists($refs)) then f:doc-file($tei) else ''"/>
    <!-- Along the names, the note each stands in (the outermost one in the text), and that note's id, number
         and kind, worked out again only where the note changes. (Not group-adjacent on generate-id(): in
         SaxonJS generate-id() takes time that grows with the corpus, which made this quadratic.) -->
    <xsl:iterate select="$refs">
      <xsl:param name="previous-note" as="element(note)?" select="()"/>
      <xsl:param name="previous-details" as="xs:string*" select="()"/>
      <xsl:variable name="note" as="element(note)?"
        select="if (parent::correspAction or ancestor::teiHeader) then () else ancestor::note[ancestor::text][last()]"/>
      <!-- The note's id, number and kind. -->
      <xsl:variable name="details" as="xs:string*" select="
          if (empty($note)) then ()
          else if (exists($previous-note) and $note is $previous-note) then $previous-details
          else (f:note-id($note), f:note-number($note), f:note-kind($note))"/>
      <xsl:variable name="action" as="element(correspAction)?" select="parent::correspAction"/>
      <xsl:variable name="role" as="xs:string" select="
          if (exists($note)) then 'note'
          else if (empty($action)) then (if (ancestor::teiHeader) then 'header' else 'text')
          else if (self::placeName or self::settlement)
          then (if ($action/@type = 'received') then 'place-received' else 'place-sent')
          else (if ($action/@type = 'received') then 'recipient' else 'sender')"/>
      <xsl:variable name="corresp" as="xs:string?" select="
          if (empty($action)) then () else if ($action/parent::correspDesc is $main) then 'main' else 'other'"/>
      <xsl:for-each select="distinct-values(for $t in tokenize(normalize-space(@ref), ' ')
          return (let $entry := replace($t, '^(\./)?(.*/)?(persons|places|orgs)\.xml#([^#\s]+)$', '$3#$4')
                  return if ($entry ne $t) then $entry else ()))">
        <fp:occurrence entry="{.}" doc="{$doc}" role="{$role}">
          <xsl:if test="exists($corresp)">
            <xsl:attribute name="corresp" select="$corresp"/>
          </xsl:if>
          <xsl:if test="exists($note)">
            <xsl:attribute name="note" select="$details[1]"/>
            <xsl:attribute name="note-n" select="$details[2]"/>
            <xsl:attribute name="note-kind" select="$details[3]"/>
          </xsl:if>
        </fp:occurrence>
      </xsl:for-each>
      <xsl:next-iteration>
        <xsl:with-param name="previous-note" select="$note"/>
        <xsl:with-param name="previous-details" select="$details"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- The roles other than 'note' in words (any other role reads 'text'); a note reads 'note N' or 'editorial note N'. -->
  <xsl:variable name="fp:role-words" as="map(xs:string, xs:string)" select="map {
      'sender': 'sender', 'recipient': 'recipient', 'place-sent': 'place of sending',
      'place-received': 'place of receipt', 'header': 'description' }"/>

</xsl:stylesheet>
