<?xml version="1.0" encoding="UTF-8"?>
<!--
  registers.xsl: where each register entry occurs in a corpus.

  A corpus document may have been reduced by the build to its teiHeader and
  the name elements of its text (with their ancestor notes), so occurrences
  are read only from those: correspDesc names (sender, recipient and their
  places), other header names, names in the text, names in notes.
  HTML and JSON format the same occurrence records:
    <fp:occurrence doc="doc068" role="sender|recipient|place-sent|place-received|header|text|note"
                   corresp="main|other" note="doc068-n2" note-n="2"/>
  No mode: functions and one key only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
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
    <xsl:sequence select="if (exists($id) and exists($corpus))
                          then (for $r in f:corpus-registers($corpus) return key('fp:by-id', $id, root($r))[ancestor::TEI[1] is $r])
                                [self::person or self::personGrp or self::place or self::org][f:entry-kind(.) = $kind][1]
                          else ()"/>
  </xsl:function>

  <!-- Every occurrence of an entry in the corpus's documents, in collection order. -->
  <xsl:function name="f:entry-occurrences" as="element(fp:occurrence)*">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="documents" as="element(TEI)*"/>
    <xsl:variable name="id" as="xs:string" select="string($entry/@xml:id)"/>
    <xsl:variable name="kind" as="xs:string" select="f:entry-kind($entry)"/>
    <!-- One key lookup over the whole corpus, not one per document, and on the document node: SaxonJS
         answers key() with an element as its third argument by searching that subtree. -->
    <xsl:variable name="corpus" as="node()?" select="($documents[1]/parent::teiCorpus, $documents[1]/root())[1]"/>
    <xsl:variable name="refs" as="element()*" select="
        if (exists($corpus) and count($documents) gt 1)
        then key('fp:refs-by-entry', $id, root($corpus))[ancestor::TEI[1][parent::teiCorpus][not(f:is-register(.)) and not(f:is-edition(.))]]
        else (for $d in $documents return key('fp:refs-by-entry', $id, $d))"/>
    <xsl:for-each-group select="$refs" group-adjacent="generate-id(ancestor::TEI[1])">
      <xsl:variable name="tei" as="element(TEI)" select="ancestor::TEI[1]"/>
      <xsl:variable name="main" as="element(correspDesc)?" select="f:main-corresp($tei)"/>
      <xsl:for-each select="current-group()
                            [some $t in tokenize(normalize-space(@ref), ' ')
                             satisfies (f:register-id($t) = $id and f:register-kind($t) = $kind)]">
        <xsl:variable name="action" as="element(correspAction)?" select="parent::correspAction"/>
        <xsl:variable name="note" as="element(note)?" select="ancestor::note[ancestor::text][last()]"/>
        <fp:occurrence doc="{f:doc-file($tei)}">
          <xsl:choose>
            <xsl:when test="$action">
              <xsl:attribute name="role" select="
                  if (self::placeName or self::settlement)
                  then (if ($action/@type = 'received') then 'place-received' else 'place-sent')
                  else (if ($action/@type = 'received') then 'recipient' else 'sender')"/>
              <xsl:attribute name="corresp" select="if ($action/parent::correspDesc is $main) then 'main' else 'other'"/>
            </xsl:when>
            <xsl:when test="ancestor::teiHeader">
              <xsl:attribute name="role" select="'header'"/>
            </xsl:when>
            <xsl:when test="$note">
              <xsl:attribute name="role" select="'note'"/>
              <xsl:attribute name="note" select="f:note-id($note)"/>
              <xsl:attribute name="note-n" select="f:note-number($note)"/>
              <xsl:attribute name="note-kind" select="f:note-kind($note)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="role" select="'text'"/>
            </xsl:otherwise>
          </xsl:choose>
        </fp:occurrence>
      </xsl:for-each>
    </xsl:for-each-group>
  </xsl:function>

  <!-- A role in words. -->
  <xsl:function name="f:role-label" as="xs:string">
    <xsl:param name="occurrence" as="element(fp:occurrence)"/>
    <xsl:variable name="embedded" as="xs:string" select="if ($occurrence/@corresp = 'other') then ' (embedded text)' else ''"/>
    <xsl:sequence select="concat(
        if ($occurrence/@role = 'sender') then 'sender'
        else if ($occurrence/@role = 'recipient') then 'recipient'
        else if ($occurrence/@role = 'place-sent') then 'place of sending'
        else if ($occurrence/@role = 'place-received') then 'place of receipt'
        else if ($occurrence/@role = 'header') then 'description'
        else if ($occurrence/@role = 'note') then concat(if ($occurrence/@note-kind = 'editorial') then 'editorial note ' else 'note ', $occurrence/@note-n)
        else 'text', $embedded)"/>
  </xsl:function>

</xsl:stylesheet>
