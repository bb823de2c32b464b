<?xml version="1.0" encoding="UTF-8"?>
<!--
  urls.xsl: file names, ids and links.

  Everything that turns a value from the source into a file name, an HTML id
  or an href goes through here, so the safety rules live in one place:
  - f:safe-name: only [A-Za-z0-9._-], never '..', never a leading '.' or '/';
  - f:is-safe-url: only http, https, mailto or relative URLs may become links
    (f:site-href, in html/functions.xsl, makes a pointer a link);
  - @rend and @type tokens become class names only when they are plain
    (fp:class-list in html/text.xsl).
  No mode: functions and one key only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Every element with an xml:id, for resolving '#id' pointers inside one TEI. -->
  <xsl:key name="fp:by-id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- Longest file name or id we produce; keeps well under common 255-byte limits. -->
  <xsl:variable name="fp:max-name-length" as="xs:integer" select="160"/>

  <!--
    A name usable as a file name and as an HTML id. Characters outside
    [A-Za-z0-9._-] become '_' followed by their code point in hex, so that
    different ids rarely collide; runs of dots shrink to one dot; a leading
    character other than [A-Za-z0-9_] gets a '_' before it. The empty string
    becomes '_'. The build accepts exactly such names as path segments.
  -->
  <xsl:function name="f:safe-name" as="xs:string">
    <xsl:param name="raw" as="xs:string?"/>
    <!-- Almost every name is safe already: one test instead of one per character. -->
    <xsl:sequence select="if (matches(string($raw), '^[A-Za-z0-9_][A-Za-z0-9._\-]{0,159}$') and not(contains($raw, '..')))
                          then string($raw) else fp:escaped-name($raw)"/>
  </xsl:function>

  <xsl:function name="fp:escaped-name" as="xs:string">
    <xsl:param name="raw" as="xs:string?"/>
    <xsl:variable name="escaped" as="xs:string" select="string-join(
        for $c in string-to-codepoints(string($raw))
        return if (matches(codepoints-to-string($c), '^[A-Za-z0-9._\-]$'))
               then codepoints-to-string($c)
               else concat('_', fp:hex($c)), '')"/>
    <xsl:variable name="no-dot-runs" as="xs:string" select="replace($escaped, '\.\.+', '.')"/>
    <xsl:variable name="leading" as="xs:string"
      select="if (matches($no-dot-runs, '^[A-Za-z0-9_]')) then $no-dot-runs else concat('_', $no-dot-runs)"/>
    <xsl:variable name="short" as="xs:string" select="substring($leading, 1, $fp:max-name-length)"/>
    <xsl:sequence select="if ($short = '') then '_' else $short"/>
  </xsl:function>

  <!-- Lower-case hexadecimal digits of a non-negative integer. -->
  <xsl:function name="fp:hex" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:variable name="digit" as="xs:string" select="substring('0123456789abcdef', ($n mod 16) + 1, 1)"/>
    <xsl:sequence select="if ($n lt 16) then $digit else concat(fp:hex($n idiv 16), $digit)"/>
  </xsl:function>

  <!--
    A URL as a browser would read it: leading and trailing C0 controls and
    spaces removed, tabs and line breaks inside removed (browsers drop them,
    so 'java&#9;script:' would otherwise slip through).
  -->
  <xsl:function name="f:clean-url" as="xs:string">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="replace(replace(string($url), '[&#9;&#10;&#13;]', ''),
                                  '^[\p{Cc}\s]+|[\p{Cc}\s]+$', '')"/>
  </xsl:function>

  <!--
    May this URL become an href or src? Yes for http:, https:, mailto:
    (any case) and for relative URLs; no for every other scheme
    (javascript:, data:, vbscript:, file:, …) and for the empty string.
  -->
  <xsl:function name="f:is-safe-url" as="xs:boolean">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="clean" as="xs:string" select="f:clean-url($url)"/>
    <xsl:sequence select="
        if ($clean = '') then false()
        else if (matches($clean, '^[A-Za-z][A-Za-z0-9+.\-]*:'))
          then matches($clean, '^(https?|mailto):', 'i')
        else true()"/>
  </xsl:function>

  <!-- Is this an absolute http(s) URI (an authority identifier, say)? -->
  <xsl:function name="f:is-web-uri" as="xs:boolean">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:sequence select="matches(f:clean-url($uri), '^https?://\S+$', 'i')"/>
  </xsl:function>

  <!--
    The element a '#id' pointer names, looked for only inside $scope (one TEI
    document: ids need not be unique across a foreign corpus). The key is
    asked on the document node and filtered: SaxonJS answers key() with an
    element as third argument by searching that element's subtree.
  -->
  <xsl:function name="f:local-target" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="scope" as="element()?"/>
    <xsl:sequence select="if (exists($scope) and starts-with(string($pointer), '#') and string-length($pointer) gt 1)
                          then key('fp:by-id', substring($pointer, 2), root($scope))[ancestor-or-self::* intersect $scope][1]
                          else ()"/>
  </xsl:function>

  <!-- The fragment ids of the '#id' tokens of a pointer attribute. -->
  <xsl:function name="f:local-ids" as="xs:string*">
    <xsl:param name="pointers" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space(string($pointers)), ' ')
                          return if (starts-with($t, '#') and string-length($t) gt 1)
                                 then substring($t, 2) else ()"/>
  </xsl:function>

  <!--
    The documents of $document-files by file name and by file name without '.xml': their base name,
    and, for the documents a document's pointers name, their title and ISO date of sending
    (src/site/foreign.ts).
  -->
  <xsl:variable name="fp:document-facts" as="map(xs:string, xs:string*)"
    select="map:merge(for $line in tokenize($document-files, '&#10;')[contains(., '&#9;')]
                      return let $t := tokenize($line, '&#9;')
                      return (map:entry($t[1], subsequence($t, 2)), map:entry(replace($t[1], '\.xml$', '', 'i'), subsequence($t, 2))),
                      map { 'duplicates': 'use-first' })"/>

  <!--
    Is this the target of an empty reference to resolve (f:empty-ref)? A bare name, with or without
    '.xml' and a fragment ('L00237', 'doc002.xml', 'L1.xml#p2', 'persons.xml#x'), or an ISO date
    ('1898-05-14'): no scheme (':'), no '#' first, no '/'. Any other target (a web address, '#id',
    a path) is an address and reads as one. The validator's test is the same expression
    (isEmptyRefTarget, src/edition/files.ts), which checks such a name as a document of the edition.
  -->
  <xsl:function name="f:is-empty-ref-target" as="xs:boolean">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:sequence select="matches(string($target), '^[A-Za-z0-9_][A-Za-z0-9._\-]*(#\S*)?$')"/>
  </xsl:function>

  <!--
    What an empty reference (<ref target="L00237" subtype="date-only"/>, as the Schnitzler letters'
    commentary writes them) reads, for the page and the text alike, when its target is one to resolve
    (f:is-empty-ref-target): the word it leads with (a subtype 'See'/'see' or 'Cf'/'cf' gives 'See ',
    'cf. ' …, as the source capitalises it), its text, and 'resolved', 'unresolved' or 'as-written'.
    Its text: a document of the folder by its title (by its date, for subtype date-only); an ISO date
    as a date ('28 October 1900'); a document the letter's own correspContext names by what it says
    there ('Beer-Hofmann an Schnitzler, 18. 7. 1893', its date after the last comma for date-only);
    else the bare target: 'unresolved' when the folder's documents are known ($document-files) and it
    names none of them, nor the header (edition.xml), nor with a fragment anything else (a register
    entry, 'persons.xml#x', which the page links); 'as-written' otherwise (the project edition passes
    no $document-files: its 'doc002.xml' is a link to that page, as any pointer to a file).
  -->
  <xsl:function name="f:empty-ref" as="xs:string+">
    <xsl:param name="ref" as="element()"/>
    <xsl:variable name="target" as="xs:string" select="string(tokenize(normalize-space($ref/@target), ' ')[1])"/>
    <xsl:variable name="subtype" as="xs:string" select="normalize-space($ref/@subtype)"/>
    <xsl:variable name="date-only" as="xs:boolean" select="lower-case($subtype) = 'date-only'"/>
    <xsl:variable name="file" as="xs:string" select="if (contains($target, '#')) then substring-before($target, '#') else $target"/>
    <xsl:variable name="facts" as="xs:string*" select="if ($file = '') then () else $fp:document-facts($file)"/>
    <xsl:variable name="context" as="xs:string"
      select="if ($target = '' or matches($target, '^\d{4}-\d{2}(-\d{2})?$')) then ''
              else normalize-space(string(($ref/ancestor::TEI[1]/teiHeader/profileDesc/correspDesc/correspContext/ref[normalize-space(@target) = $target])[1]))"/>
    <xsl:variable name="label" as="xs:string?"
      select="if (normalize-space($facts[2]) != '' or normalize-space($facts[3]) != '')
                then (if ($date-only and normalize-space($facts[3]) != '') then f:iso-label($facts[3]) else ($facts[2][normalize-space(.) != ''], f:iso-label($facts[3]))[1])
              else if (matches($target, '^\d{4}(-\d{2}(-\d{2})?)?$')) then f:iso-label($target)
              else if ($context != '') then (if ($date-only and contains($context, ', ')) then replace($context, '^.*, ', '') else $context)
              else ()"/>
    <xsl:sequence select="(if ($subtype = ('See', 'see', 'Cf', 'cf')) then concat($subtype, if (lower-case($subtype) = 'cf') then '. ' else ' ') else '',
                           if (exists($label)) then $label else $target,
                           if (exists($label)) then 'resolved'
                           else if ($document-files != '' and empty($facts) and not(contains($target, '#')) and $file != 'edition.xml') then 'unresolved'
                           else 'as-written')"/>
  </xsl:function>

  <!-- $base-url joined to a path inside the site, or the bare path when no base URL is set. -->
  <xsl:function name="f:absolute-url" as="xs:string">
    <xsl:param name="base" as="xs:string"/>
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($base) = '') then $path
                          else concat(replace(normalize-space($base), '/+$', ''), '/', $path)"/>
  </xsl:function>

</xsl:stylesheet>
