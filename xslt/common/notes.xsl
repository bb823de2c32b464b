<?xml version="1.0" encoding="UTF-8"?>
<!--
  notes.xsl: which notes a document has, their kinds, numbers and ids, and
  where in the text each is anchored.

  House rules (docs/encoding.md): the 1996 compilers' notes are
  note[@type='compilers'] in back/div[@type='notes'], numbered by @n as in
  the source, pointing with @target at an anchor; a note the source prints
  without an anchor has no @target. This edition's notes are
  note[@type='editorial'] with @resp and their own numbers (e1, e2, …).
  Generic TEI: a note in the text without @target stands where it is
  anchored; a note with @resp is editorial.
  No mode: functions and one key only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Notes by the ids their @target points at ('#doc068-a2' gives 'doc068-a2'). -->
  <xsl:key name="fp:notes-by-target" match="note[@target]" use="f:local-ids(@target)"/>

  <!-- All notes of a document's text, in document order. -->
  <xsl:function name="f:doc-notes" as="element(note)*">
    <xsl:param name="tei" as="element()"/>
    <!-- Not the notes inside register entries a letter carries (back/listPerson/person/note): they belong to their entries. -->
    <xsl:sequence select="$tei/text//note[not(f:in-register-list(.))]"/>
  </xsl:function>

  <!--
    'editorial' for this edition's notes (type editorial, or a @resp without type compilers; in a
    foreign folder also the commentary its editors write, type commentary or textConst, as the
    Schnitzler letters type theirs), else 'source' (a source's printed footnote, type footnote,
    among them). fp:note-facts-of (common/plain.xsl) calls it for every note, in one pass.
  -->
  <xsl:function name="f:note-kind" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:sequence select="if ($note/@type = 'editorial' or ($note/@resp and not($note/@type = 'compilers'))
                             or ($f:foreign and ($note/@type = 'commentary' or $note/@type = 'textConst')))
                          then 'editorial' else 'source'"/>
  </xsl:function>

  <!-- The note's number: @n as printed, else its position among the notes of its kind. -->
  <xsl:function name="f:note-number" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:variable name="kind" as="xs:string" select="f:note-kind($note)"/>
    <xsl:sequence select="
        if (normalize-space($note/@n) != '') then normalize-space($note/@n)
        else string(count(fp:notes-before($note)[f:note-kind(.) = $kind]) + 1)"/>
  </xsl:function>

  <!--
    The notes of the note's TEI text that come before it (as the preceding
    axis has it: not the notes it sits in); none outside a TEI. Read within
    its own TEI, not along the preceding axis, which in a corpus runs back
    through every document before it.
  -->
  <xsl:function name="fp:notes-before" as="element(note)*">
    <xsl:param name="note" as="element(note)"/>
    <xsl:variable name="tei" as="element()?" select="$note/ancestor::TEI[1]"/>
    <!-- In a document of its own (the TEI is the root element) the preceding axis reads only as far
         back as the note; in a corpus it would run through every document before, so the TEI is read. -->
    <xsl:sequence select="if (empty($tei)) then ()
                          else if (empty($tei/parent::*)) then $note/preceding::note[ancestor::text][ancestor::TEI[1] is $tei]
                          else ($tei//note[ancestor::text][ancestor::TEI[1] is $tei] except $note/ancestor::note)[. &lt;&lt; $note]"/>
  </xsl:function>

  <!--
    The note's HTML id: its sanitised xml:id; else DOCID-note-N (DOCID-enote-N
    for editorial notes) from its @n, which survives the build's reduction
    of corpus documents; else DOCID-note-at-N, N counting the document's notes.
  -->
  <xsl:function name="f:note-id" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:variable name="tei" as="element()?" select="$note/ancestor::TEI[1]"/>
    <xsl:variable name="doc" as="xs:string" select="f:safe-name(if ($tei) then f:doc-id($tei) else 'document')"/>
    <xsl:sequence select="
        if (normalize-space($note/@xml:id) != '') then f:safe-name($note/@xml:id)
        else if (normalize-space($note/@n) != '')
          then concat($doc, if (f:note-kind($note) = 'editorial') then '-enote-' else '-note-', f:safe-name(normalize-space($note/@n)))
        else concat($doc, '-note-at-', count(fp:notes-before($note)) + 1)"/>
  </xsl:function>

  <!-- The elements of the same document the note's @target points at ('#id' pointers only). -->
  <xsl:function name="f:note-targets" as="element()*">
    <xsl:param name="note" as="element(note)"/>
    <xsl:variable name="tei" as="element()?" select="$note/ancestor::TEI[1]"/>
    <xsl:sequence select="for $id in f:local-ids($note/@target)
                          return if ($tei) then key('fp:by-id', $id, root($tei))[ancestor-or-self::TEI[1] is $tei][1] else ()"/>
  </xsl:function>

  <!-- A note anchored where it stands: in the text (not in back), pointing at nothing. -->
  <xsl:function name="f:is-inline-note" as="xs:boolean">
    <xsl:param name="note" as="element(note)"/>
    <xsl:sequence select="not(f:in-register-list($note)) and empty($note/ancestor::back) and exists($note/ancestor::text) and empty(f:note-targets($note))"/>
  </xsl:function>

  <!--
    Does the element stand in a register's list (a person's, place's, org's
    or bibl's note)? Such notes belong to their entries, are shown where
    they stand and are never numbered among the text's notes.
  -->
  <xsl:function name="f:in-register-list" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/ancestor::*[self::listPerson or self::listPlace or self::listOrg or self::listBibl])"/>
  </xsl:function>

  <!-- The notes whose @target points at this element, in document order. -->
  <xsl:function name="f:notes-at" as="element(note)*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="tei" as="element()?" select="$e/ancestor::TEI[1]"/>
    <xsl:sequence select="if (normalize-space($e/@xml:id) = '' or empty($tei)) then ()
                          else key('fp:notes-by-target', string($e/@xml:id), root($tei))[ancestor::TEI[1] is $tei]"/>
  </xsl:function>

  <!-- Heading of a group of notes in the outputs. -->
  <xsl:function name="f:notes-heading" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="if ($kind = 'editorial') then 'Editorial notes' else 'Notes'"/>
  </xsl:function>

  <!-- Is this element a container of notes only (back/div[@type='notes'] and the like)? Its notes are listed apart. -->
  <xsl:function name="f:is-notes-container" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/ancestor::back) and exists($e/self::div)
                          and exists($e//note)
                          and empty($e/*[not(self::note or self::head or self::div[f:is-notes-container(.)])])"/>
  </xsl:function>

</xsl:stylesheet>
