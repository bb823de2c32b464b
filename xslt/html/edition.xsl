<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/edition.xsl: the pages that span the edition, made from the
  edition-wide input (common/registers.xsl: the edition header, the
  registers and the documents' summaries): index.html (documents in collection
  order), persons.html, places.html, orgs.html (register indexes),
  persons/ID.html … (one page per entry, listing every document and note
  that names it), about.html (from the edition header), search.html (the
  search page: assets/search.js over search-index.js, which the build
  writes).
  Named templates fp:html-edition-documents and fp:html-edition-registers:
  s:edition to these result documents.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:s="urn:edition:summary"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!--
    The pages that list the documents (index.html, search.html, about.html
    and the citation files), from the edition header and the summaries
    alone: the build gives them an input without the registers
    (src/site/plan.ts), so that a change to a register does not make them
    again. Context: s:edition.
  -->
  <xsl:template name="fp:html-edition-documents" as="empty-sequence()">
    <xsl:variable name="documents" as="element(s:document)*" select="$fp:summaries"/>

    <xsl:result-document href="index.html" format="fp:html">
      <xsl:call-template name="fp:page">
        <xsl:with-param name="title" select="$f:edition-title"/>
        <xsl:with-param name="current" select="'index'"/>
        <xsl:with-param name="scripts" select="'assets/index.js'"/>
        <xsl:with-param name="content" as="node()*">
          <xsl:call-template name="fp:index-content">
            <xsl:with-param name="documents" select="$documents"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>

    <xsl:result-document href="search.html" format="fp:html">
      <xsl:call-template name="fp:page">
        <xsl:with-param name="title" select="concat('Search — ', $f:edition-title)"/>
        <xsl:with-param name="current" select="'search'"/>
        <xsl:with-param name="scripts" select="('search-index.js', 'assets/search.js')"/>
        <xsl:with-param name="content" as="node()*">
          <xsl:call-template name="fp:search-content">
            <xsl:with-param name="documents" select="$documents"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>

    <xsl:for-each select="$documents">
      <xsl:call-template name="fp:citation-files">
        <xsl:with-param name="document" select="."/>
      </xsl:call-template>
    </xsl:for-each>

    <xsl:result-document href="about.html" format="fp:html">
      <xsl:call-template name="fp:page">
        <xsl:with-param name="title" select="concat('About — ', $f:edition-title)"/>
        <xsl:with-param name="current" select="'about'"/>
        <xsl:with-param name="content" as="node()*">
          <xsl:call-template name="fp:about-content"/>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <!--
    The register pages: persons.html, places.html, orgs.html and a page per
    entry (those in $entry-pages-omitted aside). Context: s:edition.
  -->
  <xsl:template name="fp:html-edition-registers" as="empty-sequence()">
    <xsl:for-each select="$f:register-kinds">
      <xsl:variable name="kind" as="xs:string" select="."/>
      <!-- A foreign folder's registers may be an edition's whole (thousands of places): only the entries its letters name get pages. -->
      <xsl:variable name="entries" as="element()*" select="f:entries-with-pages($kind)"/>
      <xsl:result-document href="{$kind}.html" format="fp:html">
        <xsl:call-template name="fp:page">
          <xsl:with-param name="title" select="concat($fp:register-titles($kind), ' — ', $f:edition-title)"/>
          <xsl:with-param name="current" select="$kind"/>
          <xsl:with-param name="content" as="node()*">
            <xsl:call-template name="fp:register-index">
              <xsl:with-param name="kind" select="$kind"/>
              <xsl:with-param name="entries" select="$entries"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:result-document>
      <xsl:for-each select="$entries[not(map:contains($fp:omitted-entry-pages, string(@xml:id)))]">
        <xsl:result-document href="{fp:entry-page-href($kind, .)}" format="fp:html">
          <xsl:call-template name="fp:page">
            <xsl:with-param name="title" select="concat(f:entry-label(.), ' — ', $f:edition-title)"/>
            <xsl:with-param name="root" select="'../'"/>
            <xsl:with-param name="current" select="$kind"/>
            <xsl:with-param name="content" as="node()*">
              <xsl:call-template name="fp:entry-content">
                <xsl:with-param name="entry" select="."/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:result-document>
      </xsl:for-each>
    </xsl:for-each>

  </xsl:template>

  <!-- ===== Citation files (cite/FILE.json, cite/FILE.bib) ===== -->

  <!--
    A document's citation as CSL-JSON (for Zotero and every Citation Style
    Language processor) and as BibTeX, made here from its summary and the
    citation parameters (src/site/citation.ts), so the per-document
    transformation pays nothing for them. The same facts as the page's
    citation: the document (a letter: sender as author, recipient, date),
    this edition with its editors and version, the printed collection, the
    permanent link when the base URL is set. Nothing not set is written.
  -->
  <xsl:template name="fp:citation-files" as="empty-sequence()">
    <xsl:param name="document" as="element(s:document)" required="yes"/>
    <xsl:variable name="file" as="xs:string" select="string($document/@file)"/>
    <xsl:variable name="main" as="element(s:corresp)?" select="($document/s:corresp[@main = 'yes'], $document/s:corresp)[1]"/>
    <xsl:variable name="senders" as="xs:string*" select="$main/s:action[@type = 'sent']/s:agent/@name/string()[. != '']"/>
    <xsl:variable name="recipients" as="xs:string*" select="$main/s:action[@type = 'received']/s:agent/@name/string()[. != '']"/>
    <xsl:variable name="dates" as="xs:string*"
      select="tokenize(string($document/@date-when), '/')[matches(., '^\d{4}(-\d{2}(-\d{2})?)?$')]"/>
    <xsl:variable name="url" as="xs:string" select="if ($base-url != '') then f:absolute-url($base-url, concat($file, '.html')) else ''"/>
    <xsl:variable name="printed" as="xs:string?" select="fp:printed-in(string($document/@number-label))"/>
    <xsl:variable name="csl" as="xs:string*" select="(
        concat('&quot;id&quot;: ', fp:json-data-string($file)),
        '&quot;type&quot;: &quot;letter&quot;',
        concat('&quot;title&quot;: ', fp:json-data-string(string($document/@title))),
        if (exists($senders)) then concat('&quot;author&quot;: ', fp:csl-names($senders)) else (),
        if (exists($recipients)) then concat('&quot;recipient&quot;: ', fp:csl-names($recipients)) else (),
        if (exists($dates)) then concat('&quot;issued&quot;: {&quot;date-parts&quot;: [',
          string-join(for $d in $dates return concat('[', string-join(for $p in tokenize($d, '-') return string(xs:integer($p)), ', '), ']'), ', '), ']}') else (),
        concat('&quot;container-title&quot;: ', fp:json-data-string($f:edition-title)),
        if (exists($fp:citation-editors)) then concat('&quot;editor&quot;: ', fp:csl-names($fp:citation-editors)) else (),
        if ($f:version != '') then concat('&quot;version&quot;: ', fp:json-data-string($f:version)) else (),
        if (normalize-space($document/@n) != '') then concat('&quot;number&quot;: ', fp:json-data-string(string($document/@n))) else (),
        if (exists($printed)) then concat('&quot;note&quot;: ', fp:json-data-string($printed)) else (),
        if ($url != '') then concat('&quot;URL&quot;: ', fp:json-data-string($url)) else ()
      )"/>
    <xsl:result-document href="cite/{$file}.json" format="fp:text">
      <xsl:value-of select="concat('[{', $fp:nl, '  ', string-join($csl, concat(',', $fp:nl, '  ')), $fp:nl, '}]', $fp:nl)"/>
    </xsl:result-document>
    <!--
      BibTeX for classic styles and biblatex alike: @misc, whose fields classic BibTeX prints
      (author, title, howpublished, year, note; url in natbib's and most newer styles). The
      title is braced, so that no style lowercases 'Trotsky'; this edition (its title, editors
      and version) is in howpublished, which both print; date is biblatex's, number no style
      prints. No booktitle, editor or version field: biblatex prints editor and version, and
      importers (citation-js, Zotero) take booktitle, beside howpublished a second time. The
      CSL-JSON beside it has them as fields of their own.
    -->
    <xsl:variable name="published" as="xs:string" select="concat('In: ', $f:edition-title,
        if (exists($fp:citation-editors)) then concat(', edited by ', fp:and-list($fp:citation-editors)) else '',
        if ($f:version != '') then concat(', version ', $f:version) else '')"/>
    <xsl:variable name="bib" as="xs:string*" select="(
        if (exists($senders)) then concat('author = {', fp:bibtex(string-join($senders, ' and ')), '}') else (),
        concat('title = {{', fp:bibtex(string($document/@title)), '}}'),
        concat('howpublished = {', fp:bibtex($published), '}'),
        if (exists($dates)) then concat('date = {', string-join($dates, '/'), '}') else (),
        if (exists($dates)) then concat('year = {', substring($dates[1], 1, 4), '}') else (),
        if (normalize-space($document/@n) != '') then concat('number = {', fp:bibtex(string($document/@n)), '}') else (),
        if (exists($printed)) then concat('note = {', fp:bibtex($printed), '}') else (),
        if ($url != '') then concat('url = {', fp:bibtex-url($url), '}') else ()
      )"/>
    <xsl:result-document href="cite/{$file}.bib" format="fp:text">
      <xsl:value-of select="concat('@misc{', replace($file, '[^A-Za-z0-9_.:-]', '-'), ',', $fp:nl, '  ',
                                   string-join($bib, concat(',', $fp:nl, '  ')), $fp:nl, '}', $fp:nl)"/>
    </xsl:result-document>
  </xsl:template>

  <!-- 'No. 68 in: Bol'shevistskoe rukovodstvo …, compiled by …, Moscow: ROSSPEN, 1996', or () without a printed collection. -->
  <xsl:function name="fp:printed-in" as="xs:string?">
    <xsl:param name="number" as="xs:string"/>
    <xsl:variable name="compilers" as="xs:string*" select="tokenize($fp:collection[2], '; ')[. != '']"/>
    <xsl:sequence select="if (normalize-space($fp:collection[1]) = '') then () else
        concat(if ($number != '') then $number else 'Document', ' in: ', $fp:collection[1],
               if (exists($compilers)) then concat(', compiled by ', fp:and-list($compilers)) else '',
               string-join(('', string-join(($fp:collection[3][. != ''], $fp:collection[4][. != '']), ': ')[. != ''], $fp:collection[5][. != '']), ', '))"/>
  </xsl:function>

  <!-- Names as CSL name objects: 'literal', since the sources give names as written ('L. D. Trotsky'). -->
  <xsl:function name="fp:csl-names" as="xs:string">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="concat('[', string-join(for $n in $names return concat('{&quot;literal&quot;: ', fp:json-data-string($n), '}'), ', '), ']')"/>
  </xsl:function>

  <!--
    A BibTeX field value: its special characters escaped so that every brace in it is one
    BibTeX counts in pairs. A brace or a backslash of the text is a command in braces of its
    own ({\textbraceleft}: a lone '{' escaped as '\{' is still a brace to BibTeX, and the
    file stops parsing), as are '~' and '^' ('\~' and '\^' are accents in LaTeX); &amp; % $ # _
    take a backslash.
  -->
  <xsl:variable name="fp:bibtex-escapes" as="map(xs:string, xs:string)" select="map {
      '\': '{\textbackslash}', '{': '{\textbraceleft}', '}': '{\textbraceright}',
      '~': '{\textasciitilde}', '^': '{\textasciicircum}',
      '&amp;': '\&amp;', '%': '\%', '$': '\$', '#': '\#', '_': '\_' }"/>

  <xsl:function name="fp:bibtex" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:analyze-string select="normalize-space($s)" regex="[\\{{}}~^&amp;%$#_]">
        <xsl:matching-substring>
          <xsl:sequence select="$fp:bibtex-escapes(.)"/>
        </xsl:matching-substring>
        <xsl:non-matching-substring>
          <xsl:sequence select="."/>
        </xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="string-join($parts, '')"/>
  </xsl:function>

  <!--
    A URL as a BibTeX url field: as it is (styles and biblatex read the field verbatim, so
    '\%' would stay in the link), but for braces and backslashes, which are percent-encoded.
  -->
  <xsl:function name="fp:bibtex-url" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="replace(replace(replace(normalize-space($url), '\\', '%5C'), '\{', '%7B'), '\}', '%7D')"/>
  </xsl:function>

  <!-- The entry page of a register entry of that kind, relative to the site root. -->
  <xsl:function name="fp:entry-page-href" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="concat($kind, '/', f:safe-name($entry/@xml:id), '.html')"/>
  </xsl:function>

  <!-- ===== index.html ===== -->

  <xsl:template name="fp:index-content" as="node()*">
    <xsl:param name="documents" as="element(s:document)*" required="yes"/>
    <h1><xsl:value-of select="$f:edition-title"/></h1>
    <xsl:for-each select="$f:edition-header/fileDesc/titleStmt/title[not(@type = 'main')][normalize-space(.) != $f:edition-title]">
      <p class="subtitle"><xsl:apply-templates select="node()" mode="m:html"/></p>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="empty($documents)">
        <p>This edition has no documents yet.</p>
      </xsl:when>
      <xsl:otherwise>
        <!-- What the filters and the table both need of each document, worked out once per document. -->
        <xsl:variable name="rows" as="element(fp:row)*">
          <xsl:for-each select="$documents">
            <xsl:variable name="main" as="element(s:corresp)?" select="s:corresp[@main]"/>
            <xsl:variable name="sort-date" as="xs:string" select="string(@sort-date)"/>
            <fp:row sort-date="{$sort-date}" year="{substring($sort-date, 1, 4)}">
              <xsl:for-each select="fp:index-actions($main, 'sent')/s:agent/@name[. != '']">
                <fp:sender><xsl:value-of select="."/></fp:sender>
              </xsl:for-each>
              <xsl:for-each select="fp:index-actions($main, 'received')/s:agent/@name[. != '']">
                <fp:recipient><xsl:value-of select="."/></fp:recipient>
              </xsl:for-each>
            </fp:row>
          </xsl:for-each>
        </xsl:variable>
        <!-- Filters: hidden until assets/index.js runs; without it the table is simply complete. -->
        <div class="table-filters" id="document-filters" hidden="hidden">
          <h2 id="filters-heading" class="filters-heading">Filter the documents</h2>
          <div class="filter-fields" role="group" aria-labelledby="filters-heading">
            <div class="filter-field">
              <label for="filter-number">No.</label>
              <input type="text" id="filter-number" data-filter="number" inputmode="numeric" autocomplete="off"/>
            </div>
            <div class="filter-field">
              <label for="filter-date">Date contains</label>
              <input type="text" id="filter-date" data-filter="date" autocomplete="off"/>
            </div>
            <xsl:for-each select="('sender', 'recipient', 'year')">
              <xsl:variable name="field" as="xs:string" select="."/>
              <xsl:variable name="values" as="xs:string*"
                select="distinct-values(if ($field = 'year') then $rows/@year[. != ''] else $rows/*[local-name() = $field])"/>
              <div class="filter-field">
                <label for="filter-{$field}"><xsl:value-of select="f:capitalise($field)"/></label>
                <select id="filter-{$field}" data-filter="{$field}">
                  <option value="">All</option>
                  <xsl:for-each select="$values">
                    <xsl:sort select="lower-case(.)"/>
                    <option value="{.}"><xsl:value-of select="."/></option>
                  </xsl:for-each>
                </select>
              </div>
            </xsl:for-each>
            <div class="filter-field filter-reset">
              <button type="button" id="filter-reset">Clear filters</button>
            </div>
          </div>
          <p class="filter-status" id="filter-status" role="status"></p>
        </div>
        <div class="table-wrapper">
          <table class="documents" id="documents-table">
            <caption>The documents in the order of the collection</caption>
            <thead>
              <tr>
                <th scope="col" data-sort-type="number">No.</th>
                <th scope="col">Title</th>
                <th scope="col" data-sort-type="text">Date</th>
                <th scope="col" data-sort-type="text">Sender</th>
                <th scope="col" data-sort-type="text">Recipient</th>
                <th scope="col">Places</th>
                <th scope="col">Type</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="1 to count($documents)">
                <xsl:call-template name="fp:index-row">
                  <xsl:with-param name="tei" select="$documents[current()]"/>
                  <xsl:with-param name="position" select="."/>
                  <xsl:with-param name="row" select="$rows[current()]"/>
                </xsl:call-template>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="fp:index-row" as="element()">
    <xsl:param name="tei" as="element(s:document)" required="yes"/>
    <xsl:param name="position" as="xs:integer" select="0"/>
    <!-- The document's fp:row of fp:index-content: its sort date, senders and recipients. -->
    <xsl:param name="row" as="element(fp:row)" required="yes"/>
    <xsl:variable name="file" as="xs:string" select="string($tei/@file)"/>
    <xsl:variable name="main" as="element(s:corresp)?" select="$tei/s:corresp[@main]"/>
    <xsl:variable name="sort-date" as="xs:string" select="string($row/@sort-date)"/>
    <!-- The number, else the xml:id, else (f:doc-id says 'document' for a TEI without one) the output name. -->
    <xsl:variable name="number" as="xs:string" select="string(($tei/@n, $tei/@id[. != 'document'], $tei/@file)[1])"/>
    <xsl:variable name="senders" as="xs:string*" select="$row/fp:sender/string(.)"/>
    <xsl:variable name="recipients" as="xs:string*" select="$row/fp:recipient/string(.)"/>
    <xsl:variable name="sent-place" as="xs:string?" select="(fp:index-actions($main, 'sent')/s:place/@name/string(.))[1]"/>
    <xsl:variable name="received-place" as="xs:string?" select="(fp:index-actions($main, 'received')/s:place/@name/string(.))[1]"/>
    <xsl:variable name="date-words" as="xs:string" select="string($tei/@date-words)"/>
    <!-- data-* values for assets/index.js: the filters ('|' joins several names) and the collection order. -->
    <tr data-order="{$position}" data-number="{$number}" data-date="{string-join(($sort-date, $date-words), ' ')}"
        data-year="{substring($sort-date, 1, 4)}" data-sender="{string-join($senders, '|')}" data-recipient="{string-join($recipients, '|')}">
      <td class="number" data-label="No." data-sort="{$number}">
        <a href="{$file}.html">
          <xsl:value-of select="$number"/>
        </a>
      </td>
      <td class="title" data-label="Title">
        <a href="{$file}.html"><xsl:value-of select="$tei/@title"/></a>
        <xsl:for-each select="$tei/s:corresp[not(@main)]">
          <span class="embedded-summary">
            <xsl:value-of select="concat('(', if (@embedded) then 'embedded' else 'also', ': ', @summary, ')')"/>
          </span>
        </xsl:for-each>
      </td>
      <td class="date" data-label="Date" data-sort="{$sort-date}">
        <xsl:if test="$tei/@dated">
          <xsl:choose>
            <xsl:when test="exists($tei/@datetime)">
              <time datetime="{$tei/@datetime}"><xsl:value-of select="$date-words"/></time>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$date-words"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </td>
      <td class="sender" data-label="Sender" data-sort="{lower-case(string-join($senders, ', '))}">
        <xsl:value-of select="if (exists($senders)) then string-join($senders, ', ') else '?'"/>
        <xsl:if test="exists($sent-place)">
          <span class="place-of"><xsl:value-of select="concat(' (', $sent-place, ')')"/></span>
        </xsl:if>
      </td>
      <td class="recipient" data-label="Recipient" data-sort="{lower-case(string-join($recipients, ', '))}">
        <xsl:value-of select="if (exists($recipients)) then string-join($recipients, ', ') else '?'"/>
        <xsl:if test="exists($received-place)">
          <span class="place-of"><xsl:value-of select="concat(' (', $received-place, ')')"/></span>
        </xsl:if>
      </td>
      <td class="places" data-label="Places">
        <xsl:value-of select="string-join((if (exists($sent-place)) then $sent-place else '?',
                                           if (exists($received-place)) then $received-place else '?'), ' → ')"/>
      </td>
      <td class="type" data-label="Type"><xsl:value-of select="$tei/@type"/></td>
    </tr>
  </xsl:template>

  <!-- ===== search.html ===== -->

  <!--
    The search page: a search box, results and facets that assets/search.js
    builds from the search index the build writes: search-index.js (the
    global EDITION_SEARCH_INDEX, a small manifest) and the parts in search/
    it loads as needed (src/site/search-index.ts). The results come before
    the filters, so a phone shows them first; on a wide screen the filters
    stand in a column on the left. Without JavaScript the page says so and
    points to the browsing pages.
  -->
  <xsl:template name="fp:search-content" as="node()*">
    <xsl:param name="documents" as="element(s:document)*" required="yes"/>
    <h1>Search</h1>
    <noscript>
      <p class="noscript">The search runs in your browser and needs JavaScript, which is turned off.
        You can still browse the <a href="index.html">list of documents</a> (<xsl:value-of select="count($documents)"/>)
        and the registers of <a href="persons.html">persons</a>, <a href="places.html">places</a>
        and <a href="orgs.html">organisations</a>, or download the <a href="text/edition.txt">whole text</a>.</p>
    </noscript>
    <div class="search" id="search" hidden="hidden">
      <div class="search-box" role="search">
        <label for="search-query">Search the texts and notes</label>
        <input type="search" id="search-query" name="q" autocomplete="off" spellcheck="false"
          aria-describedby="search-help"/>
        <p class="search-help" id="search-help">Words in any order; the last word also finds words that begin with it.
          Put words in "quotation marks" to find them as a phrase. Capitals and accents do not matter.</p>
      </div>
      <div class="search-layout">
        <div class="search-results-area">
          <h2 id="results-heading" class="results-heading">Results</h2>
          <p class="search-status" id="search-status" role="status"></p>
          <ol class="search-results" id="search-results" aria-labelledby="results-heading"></ol>
          <nav class="search-pages" id="search-pages" aria-label="Result pages" hidden="hidden"></nav>
        </div>
        <div class="search-facets" id="search-facets" role="group" aria-labelledby="facets-heading">
          <h2 id="facets-heading" class="facets-heading">Filters</h2>
        </div>
      </div>
    </div>
  </xsl:template>

  <!-- ===== Register index pages ===== -->

  <xsl:template name="fp:register-index" as="node()*">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:param name="entries" as="element()*" required="yes"/>
    <h1><xsl:value-of select="$fp:register-titles($kind)"/></h1>
    <xsl:choose>
      <xsl:when test="empty($entries) and exists($fp:summaries/s:key[@kind = $kind])">
        <!-- No register, but names with a @key: grouped by key, each with the documents that name it. -->
        <p>This edition has no register of <xsl:value-of select="lower-case($fp:register-titles($kind))"/>; the names its texts identify by a key are listed by key.</p>
        <ul class="register-list register-keys">
          <xsl:for-each-group select="$fp:summaries/s:key[@kind = $kind]" group-by="string(@key)">
            <xsl:sort select="lower-case(string((current-group()/@name[. != ''], current-grouping-key())[1]))"/>
            <li>
              <xsl:value-of select="(current-group()/@name[. != ''], current-grouping-key())[1]"/>
              <span class="key"><xsl:value-of select="concat(' [', current-grouping-key(), ']')"/></span>
              <xsl:text>: </xsl:text>
              <xsl:for-each select="current-group()/parent::s:document">
                <xsl:if test="position() gt 1">
                  <xsl:text>, </xsl:text>
                </xsl:if>
                <a href="{@file}.html"><xsl:value-of select="(@number-label, @title, @file)[normalize-space(.) != ''][1]"/></a>
              </xsl:for-each>
            </li>
          </xsl:for-each-group>
        </ul>
      </xsl:when>
      <xsl:when test="empty($entries)">
        <p>This edition has no register of <xsl:value-of select="lower-case($fp:register-titles($kind))"/>.</p>
      </xsl:when>
      <xsl:otherwise>
        <ul class="register-list">
          <!-- Each row from the entry's parts (common/entry-parts.xsl). -->
          <xsl:for-each select="fp:sorted-entry-parts($kind)">
            <li>
              <a href="{$kind}/{f:safe-name(?id)}.html"><xsl:value-of select="?label"/></a>
              <xsl:if test="?life != ''">
                <span class="life-dates"><xsl:value-of select="concat(', ', ?life)"/></span>
              </xsl:if>
              <span class="count">
                <xsl:value-of select="concat(' (', ?counts, ')')"/>
              </span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The counts of a register list, in the words and by the same groups as
    the entry page's three sections (fp:entry-content): 'correspondent in 2
    documents; named in the text of 2 documents; in 3 notes'; an entry
    named nowhere: 'not named in the documents'.
  -->
  <xsl:function name="fp:occurrence-counts" as="xs:string">
    <xsl:param name="occurrences" as="element(s:names)*"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="corresp" as="xs:integer" select="count(distinct-values($occurrences[@corresp]/@doc))"/>
    <xsl:variable name="text" as="xs:integer" select="count(distinct-values($occurrences[not(@corresp or @note)]/@doc))"/>
    <xsl:variable name="notes" as="xs:integer" select="count(distinct-values($occurrences[@note]/concat(@doc, '#', @note)))"/>
    <xsl:variable name="parts" as="xs:string*" select="(
        if ($corresp = 0) then ()
        else concat(if ($kind = 'places') then 'place of sending or receipt of ' else 'correspondent in ', fp:documents($corresp)),
        if ($text = 0) then () else concat('named in the text of ', fp:documents($text)),
        if ($notes = 0) then () else concat(if ($text = 0) then 'named in ' else 'in ', $notes, if ($notes = 1) then ' note' else ' notes'))"/>
    <xsl:sequence select="if (empty($parts)) then 'not named in the documents' else string-join($parts, '; ')"/>
  </xsl:function>

  <xsl:function name="fp:documents" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="concat($n, if ($n = 1) then ' document' else ' documents')"/>
  </xsl:function>

  <!-- Words for the types of an entry's names (@type), for the entry page; others: 'Name (type)'. -->
  <xsl:variable name="fp:name-type-words" as="map(xs:string, xs:string)" select="map {
      'source': 'Name in the source', 'normalised': 'Normalised name', 'normalized': 'Normalised name', 'reg': 'Normalised name',
      'transliterated': 'Transliterated name', 'transliteration': 'Transliterated name', 'birth': 'Name at birth',
      'former': 'Former name', 'current': 'Present-day name', 'official': 'Official name', 'full': 'Full name',
      'short': 'Short name', 'alias': 'Alias', 'pseudonym': 'Pseudonym', 'nickname': 'Nickname', 'married': 'Married name',
      'variant': 'Variant name', 'alt': 'Alternative name', 'alternative': 'Alternative name', 'english': 'English name' }"/>

  <!-- Words for the other parts of an entry (by element name), for the entry page; others: the name, capitalised. -->
  <xsl:variable name="fp:entry-part-words" as="map(xs:string, xs:string)" select="map {
      'birth': 'Born', 'death': 'Died', 'floruit': 'Active', 'occupation': 'Occupation', 'affiliation': 'Affiliation',
      'residence': 'Residence', 'nationality': 'Nationality', 'faith': 'Faith', 'education': 'Education', 'sex': 'Sex',
      'gender': 'Gender', 'state': 'State', 'trait': 'Characteristic', 'event': 'Event', 'location': 'Location', 'geo': 'Coordinates',
      'country': 'Country', 'region': 'Region', 'settlement': 'Settlement', 'district': 'District', 'desc': 'Description',
      'note': 'Note', 'bibl': 'Literature', 'listBibl': 'Literature', 'listEvent': 'Events', 'figure': 'Image', 'ptr': 'Link', 'linkGrp': 'Links', 'listRelation': 'Relations' }"/>

  <!-- Authority files by idno/@type (lower case): the label on the entry page and the address of a bare identifier's record. -->
  <xsl:variable name="fp:authorities" as="map(xs:string, xs:string+)" select="map {
      'wikidata': ('Wikidata', 'https://www.wikidata.org/wiki/', '^Q[0-9]+$'),
      'geonames': ('GeoNames', 'https://www.geonames.org/', '^[0-9]+$'),
      'viaf': ('VIAF', 'https://viaf.org/viaf/', '^[0-9]+$'),
      'gnd': ('GND', 'https://d-nb.info/gnd/', '^[0-9X-]+$'),
      'lccn': ('Library of Congress', 'https://id.loc.gov/authorities/names/', '^[a-z]+[0-9]+$'),
      'isni': ('ISNI', 'https://isni.org/isni/', '^[0-9]{15}[0-9X]$'),
      'tgn': ('Getty TGN', 'http://vocab.getty.edu/page/tgn/', '^[0-9]+$') }"/>

  <!-- ===== Register entry pages ===== -->

  <!--
    What an entry page leaves out as the source database's internals, not a
    reader's facts (the PMB's entries in the Schnitzler letters give all of
    these): an identifier or description that is a bare number with no known
    authority file ('<desc type="entity_type_id">972</desc>'), a description
    that is only a code not known here, and a list of literature that holds
    nothing but the database's collections (bibl type="collections":
    'manually created entity').
  -->
  <xsl:function name="fp:is-internal-code" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="value" as="xs:string" select="normalize-space($e)"/>
    <xsl:sequence select="matches($value, '^[0-9]+$') and not(map:contains($fp:authorities, lower-case(normalize-space($e/@type))))"/>
  </xsl:function>

  <xsl:function name="fp:is-internal-part" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/self::desc or $e/self::idno) and (fp:is-internal-code($e) or ($e/self::desc and empty($e/*) and fp:desc-words($e) = ''))
                          or exists($e/self::listBibl) and empty($e/* except $e/bibl[@type = 'collections'])"/>
  </xsl:function>

  <!--
    A description in words: 'Straße (K.STR)' without its code, 'Straße'; a
    GeoNames feature code ('P.PPLC', as the PMB types its places) in words
    ('capital of a country'), '' for a code not known here.
  -->
  <xsl:function name="fp:desc-words" as="xs:string">
    <xsl:param name="desc" as="element()"/>
    <xsl:variable name="text" as="xs:string" select="normalize-space($desc)"/>
    <xsl:sequence select="if (matches($text, '^[A-Z]\.[A-Z0-9]+$')) then string((map:get($fp:feature-codes, $text), '')[1])
                          else replace($text, '\s*\([A-Z]\.[A-Z0-9]+\)$', '')"/>
  </xsl:function>

  <!-- GeoNames feature codes (https://www.geonames.org/export/codes.html) in words: the commonest. -->
  <xsl:variable name="fp:feature-codes" as="map(xs:string, xs:string)" select="map {
      'P.PPL': 'Populated place', 'P.PPLA': 'Seat of a first-order administrative division',
      'P.PPLA2': 'Seat of a second-order administrative division', 'P.PPLA3': 'Seat of a third-order administrative division',
      'P.PPLA4': 'Seat of a fourth-order administrative division', 'P.PPLC': 'Capital of a country',
      'P.PPLX': 'Section of a populated place', 'P.PPLL': 'Populated locality', 'P.PPLF': 'Farm village',
      'P.PPLS': 'Populated places', 'P.PPLW': 'Destroyed populated place', 'P.PPLH': 'Historical populated place',
      'A.PCLI': 'Independent country', 'A.PCLH': 'Historical country', 'A.PCLD': 'Dependent political entity',
      'A.ADM1': 'First-order administrative division', 'A.ADM2': 'Second-order administrative division',
      'A.ADM3': 'Third-order administrative division', 'A.ADM4': 'Fourth-order administrative division',
      'A.ADMD': 'Administrative division', 'L.RGN': 'Region', 'L.AREA': 'Area', 'T.MT': 'Mountain',
      'T.MTS': 'Mountains', 'T.PK': 'Peak', 'T.PASS': 'Pass', 'T.ISL': 'Island', 'T.VAL': 'Valley',
      'H.LK': 'Lake', 'H.STM': 'Stream', 'H.SEA': 'Sea', 'H.BAY': 'Bay', 'S.HTL': 'Hotel', 'S.BLDG': 'Building',
      'S.CSTL': 'Castle', 'S.CH': 'Church', 'S.RSTN': 'Railway station', 'S.MUS': 'Museum' }"/>

  <!-- An element's text as a web address: white space collapsed, and none after the scheme ('https:// www.example.org', as a source may break it). -->
  <xsl:function name="fp:address" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="replace(normalize-space($e), '^(https?://) ', '$1')"/>
  </xsl:function>

  <!--
    The labels of an entry's links: the authority file or site a link is in
    (fp:link-hosts: GND, Wikidata, GeoNames, PMB, Wikipedia …), else its host
    without 'www.'; a label that two links share is numbered ('PMB 1', 'PMB 2').
  -->
  <xsl:function name="fp:link-labels" as="xs:string*">
    <xsl:param name="links" as="xs:string*"/>
    <xsl:variable name="names" as="xs:string*" select="for $l in $links return fp:link-name($l)"/>
    <xsl:sequence select="for $i in 1 to count($names)
                          return if (count($names[. = $names[$i]]) gt 1)
                                 then concat($names[$i], ' ', count($names[position() le $i][. = $names[$i]]))
                                 else $names[$i]"/>
  </xsl:function>

  <xsl:function name="fp:link-host" as="xs:string">
    <xsl:param name="link" as="xs:string"/>
    <xsl:sequence select="replace(lower-case(replace($link, '^[a-zA-Z]+://([^/?#:]+).*$', '$1')), '^www\.', '')"/>
  </xsl:function>

  <xsl:function name="fp:link-name" as="xs:string">
    <xsl:param name="link" as="xs:string"/>
    <xsl:variable name="host" as="xs:string" select="fp:link-host($link)"/>
    <xsl:variable name="known" as="xs:string?"
      select="(for $h in $fp:link-host-order return if ($host = $h or ends-with($host, concat('.', $h))) then $fp:link-hosts($h) else ())[1]"/>
    <xsl:sequence select="if ($known = 'Wikipedia' and matches($host, '^[a-z-]+\.wikipedia\.org$'))
                          then concat('Wikipedia (', substring-before($host, '.'), ')')
                          else ($known, $host)[1]"/>
  </xsl:function>

  <!-- The order of an entry's links: the authority files first, in this order, then the others as given (indexes into the links). -->
  <xsl:function name="fp:link-order" as="xs:integer*">
    <xsl:param name="links" as="xs:string*"/>
    <xsl:variable name="ranks" as="xs:integer*"
      select="for $l in $links return (let $host := fp:link-host($l)
              return (for $j in 1 to count($fp:link-host-order)
                      return if ($host = $fp:link-host-order[$j] or ends-with($host, concat('.', $fp:link-host-order[$j]))) then $j else ())[1],
              999)[1]"/>
    <xsl:perform-sort select="1 to count($links)">
      <xsl:sort select="$ranks[current()]" data-type="number"/>
    </xsl:perform-sort>
  </xsl:function>

  <xsl:variable name="fp:link-host-order" as="xs:string+"
    select="('d-nb.info', 'viaf.org', 'wikidata.org', 'geonames.org', 'id.loc.gov', 'isni.org', 'vocab.getty.edu', 'wikipedia.org', 'pmb.acdh.oeaw.ac.at')"/>
  <xsl:variable name="fp:link-hosts" as="map(xs:string, xs:string)" select="map {
      'd-nb.info': 'GND', 'viaf.org': 'VIAF', 'wikidata.org': 'Wikidata', 'geonames.org': 'GeoNames',
      'id.loc.gov': 'Library of Congress', 'isni.org': 'ISNI', 'vocab.getty.edu': 'Getty TGN',
      'wikipedia.org': 'Wikipedia', 'pmb.acdh.oeaw.ac.at': 'PMB' }"/>

  <!--
    The entries that have pages: their kind by id (from their parts, common/entry-parts.xsl:
    one look-up per name; the edition-wide step has no $register-entries). The first of an
    id wins, as the register lists' links do.
  -->
  <xsl:variable name="fp:entries-with-pages" as="map(xs:string, xs:string)"
    select="map:merge(for $k in $f:register-kinds, $p in $fp:entry-parts($k) return map:entry(string($p?id), $k),
                      map { 'duplicates': 'use-first' })"/>

  <!--
    The name of a place (or other entry) an entry names, on its entry page:
    its name as written (the preferred placeName of a settlement, without its
    coordinates or identifiers), linked to the named entry's page when it has
    one. The pointer is @ref or @key: a register pointer ('places.xml#baku'),
    '#id', or a bare id ('pmb50', as the PMB writes them): its id after any '#'.
  -->
  <xsl:function name="fp:entry-name-link" as="node()*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="name" as="element()" select="($e/placeName[@type = 'pref'], $e/placeName, $e)[1]"/>
    <!-- Its text in document order ('Bad <hi>Ischl</hi> am See'), but what geo, note, idno and location inside it hold. -->
    <xsl:variable name="text" as="xs:string"
      select="normalize-space(string-join($name//text() except $name//(geo | note | idno | location)//text(), ''))"/>
    <xsl:variable name="pages" as="xs:string*"
      select="for $t in tokenize(normalize-space(string-join(($e/@ref, $e/@key), ' ')), ' ')
              return (let $id := replace($t, '^.*#', ''), $kind := if ($id = '') then () else map:get($fp:entries-with-pages, $id)
                      return if (exists($kind)) then concat('../', $kind, '/', f:safe-name($id), '.html') else ())"/>
    <xsl:choose>
      <xsl:when test="exists($pages)">
        <a href="{$pages[1]}"><xsl:value-of select="$text"/></a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!--
    Mode m:entry-part: a part of an entry on its page (an affiliation, an event, a note), as
    m:html renders it, but for what the source database nests in it for its own use: the
    identifiers and coordinates of the entries it names (idno, note type="IDNO", geo) are
    left out, and a name that points by @key or by a bare id (ref="pmb50639", as the PMB
    writes them) is its text, linked to the named entry's page when it has one
    (fp:entry-name-link). Parts with neither go to m:html as they are.
  -->
  <xsl:template match="*" mode="m:entry-part" as="node()*">
    <xsl:apply-templates select="." mode="m:html">
      <xsl:with-param name="root" select="'../'" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- An element holding some: itself as m:html's generic rule makes it (a span or div with its class and language), its content in this mode. -->
  <xsl:template match="*[.//idno or .//note[@type = 'IDNO'] or .//geo or .//*[@key or @ref[not(contains(., '#'))]]]" mode="m:entry-part" as="node()*">
    <xsl:element name="{if (f:is-block(.) or f:holds-block(.)) then 'div' else 'span'}">
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:apply-templates select="node()" mode="m:entry-part"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="idno | note[@type = 'IDNO'] | geo | location[geo][empty(* except geo)]" mode="m:entry-part" priority="2" as="empty-sequence()"/>

  <xsl:template match="persName[@key or @ref[not(contains(., '#'))]] | placeName[@key or @ref[not(contains(., '#'))]] | orgName[@key or @ref[not(contains(., '#'))]] | settlement[@key or @ref[not(contains(., '#'))]] | region[@key or @ref[not(contains(., '#'))]] | country[@key or @ref[not(contains(., '#'))]] | district[@key or @ref[not(contains(., '#'))]]"
                mode="m:entry-part" priority="1" as="node()*">
    <xsl:sequence select="fp:entry-name-link(.)"/>
  </xsl:template>

  <!-- An entry's own coordinates, 'lat, long', linked to OpenStreetMap when they are two numbers; else as written. -->
  <xsl:function name="fp:geo-link" as="node()*">
    <xsl:param name="geo" as="element()"/>
    <xsl:variable name="text" as="xs:string" select="fp:geo-text($geo)"/>
    <xsl:variable name="parts" as="xs:string*" select="tokenize($text, ', ')"/>
    <xsl:choose>
      <xsl:when test="count($parts) = 2 and (every $p in $parts satisfies $p castable as xs:double)">
        <a class="tei-geo" href="https://www.openstreetmap.org/?mlat={$parts[1]}&amp;mlon={$parts[2]}#map=14/{$parts[1]}/{$parts[2]}"><xsl:value-of select="$text"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-geo"><xsl:value-of select="$text"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>


  <xsl:template name="fp:entry-content" as="node()*">
    <xsl:param name="entry" as="element()" required="yes"/>
    <xsl:variable name="occurrences" as="element(s:names)*" select="f:entry-occurrences($entry)"/>
    <xsl:variable name="kind" as="xs:string" select="f:entry-kind($entry)"/>
    <nav class="breadcrumb" aria-label="Register">
      <a href="../{$kind}.html"><xsl:value-of select="$fp:register-titles($kind)"/></a>
    </nav>
    <h1><xsl:value-of select="f:entry-label($entry)"/></h1>
    <dl class="entry-details">
      <!-- A name that is a web address (the PMB's orgName type="werk_link") is one of the links below. -->
      <xsl:for-each select="f:entry-names($entry)[not(f:is-web-uri(fp:address(.)))]">
        <dt>
          <xsl:variable name="type" as="xs:string" select="normalize-space(@type)"/>
          <xsl:value-of select="if ($type = '') then 'Name' else (map:get($fp:name-type-words, lower-case($type)), concat('Name (', translate($type, '-_', '  '), ')'))[1]"/>
        </dt>
        <dd>
          <xsl:apply-templates select="." mode="m:html">
            <xsl:with-param name="root" select="'../'" tunnel="yes"/>
          </xsl:apply-templates>
        </dd>
      </xsl:for-each>
      <xsl:if test="$entry/@type and ($entry/self::place or $entry/self::org)">
        <dt>Kind</dt>
        <dd><xsl:value-of select="f:capitalise(normalize-space(translate($entry/@type, '-_', '  ')))"/></dd>
      </xsl:if>
      <!--
        Identifiers that are not web addresses: a bare identifier of a known authority file
        (Q33391, 524901) links to its record; one not verified is left out (f:is-verified).
        A bare number of no known authority (the source database's own key) is not shown
        (fp:is-internal-code).
      -->
      <xsl:for-each select="$entry/idno[f:is-verified(.)][not(f:is-web-uri(fp:address(.)))][not(fp:is-internal-code(.))]">
        <xsl:variable name="value" as="xs:string" select="normalize-space(.)"/>
        <xsl:variable name="authority" as="xs:string*" select="map:get($fp:authorities, lower-case(normalize-space(@type)))"/>
        <xsl:variable name="uri" as="xs:string?"
          select="if (exists($authority) and matches($value, $authority[3])) then concat($authority[2], $value) else ()"/>
        <dt>
          <xsl:value-of select="if (exists($authority)) then $authority[1]
                                else if (normalize-space(@type) != '') then concat('Identifier (', normalize-space(@type), ')') else 'Identifier'"/>
        </dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$value = ''">
              <span class="unknown">not yet verified</span>
            </xsl:when>
            <xsl:when test="exists($uri) and f:is-safe-url($uri)">
              <a href="{$uri}"><xsl:value-of select="$value"/></a>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$value"/>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
      <!--
        Identifiers that are web addresses, and names and notes that are nothing but one (the PMB's
        note type="references"): one row of links, each named by its authority or host (fp:link-labels),
        each address once.
      -->
      <xsl:variable name="links" as="xs:string*"
        select="distinct-values(($entry/idno[f:is-verified(.)], f:entry-names($entry)[empty(*)], $entry/note[empty(*)])
                                /fp:address(.)[f:is-web-uri(.) and f:is-safe-url(.)])"/>
      <xsl:if test="exists($links)">
        <dt>Links</dt>
        <dd class="entry-links">
          <xsl:variable name="labels" as="xs:string*" select="fp:link-labels($links)"/>
          <xsl:for-each select="fp:link-order($links)">
            <xsl:variable name="i" as="xs:integer" select="."/>
            <xsl:if test="position() gt 1">
              <xsl:text>, </xsl:text>
            </xsl:if>
            <a href="{$links[$i]}"><xsl:value-of select="$labels[$i]"/></a>
          </xsl:for-each>
        </dd>
      </xsl:if>
      <xsl:for-each select="$entry/*[not(self::persName or self::placeName or self::orgName or self::name or self::idno)]
                                    [not(self::person or self::place or self::org or self::personGrp)]
                                    [not(fp:is-internal-part(.))]
                                    [not(self::note[empty(*)][f:is-web-uri(fp:address(.))])]
                                    [exists(*) or normalize-space(.) != '' or normalize-space(@value) != '']">
        <dt>
          <xsl:value-of select="if (self::note[@type = 'identification' or empty(@type)]) then 'Identification'
                                else if (self::note[date][empty(* except date)][empty(text()[normalize-space(.) != ''])]) then 'Dates'
                                else if (self::location and fp:names-other-place(.)) then 'Located in'
                                else if (self::location[geo][empty(* except geo)]) then 'Coordinates'
                                else if (self::desc[contains(lower-case(@type), 'type')]) then 'Kind'
                                else (map:get($fp:entry-part-words, local-name()), f:capitalise(local-name()))[1]"/>
        </dt>
        <dd>
          <xsl:choose>
            <!-- The place an entry lies in: its name, linked to its page when it has one (fp:entry-name-link); no coordinates or identifiers of its own. -->
            <xsl:when test="self::location and fp:names-other-place(.)">
              <xsl:for-each select="*[self::placeName or self::settlement or self::region or self::country
                                      or self::district or self::bloc or self::geogName]">
                <xsl:if test="position() gt 1">, </xsl:if>
                <xsl:sequence select="fp:entry-name-link(.)"/>
              </xsl:for-each>
            </xsl:when>
            <!-- The entry's own coordinates, linked to a map. -->
            <xsl:when test="self::location[geo][empty(* except geo)]">
              <xsl:for-each select="geo">
                <xsl:if test="position() gt 1">; </xsl:if>
                <xsl:sequence select="fp:geo-link(.)"/>
              </xsl:for-each>
            </xsl:when>
            <!-- A description in words, without the source database's code for it ('Straße (K.STR)': 'Straße'; 'P.PPLC': 'capital'). -->
            <xsl:when test="self::desc and empty(*)">
              <xsl:value-of select="fp:desc-words(.)"/>
            </xsl:when>
            <!-- A birth or death made of parts (its date, its place) reads '2. 3. 1861, Wien', the place linked to its page. -->
            <xsl:when test="(self::birth or self::death) and count(*) gt 1 and empty(text()[normalize-space(.) != ''])">
              <xsl:for-each select="*">
                <xsl:if test="position() gt 1">, </xsl:if>
                <xsl:choose>
                  <xsl:when test="self::placeName or self::settlement or self::region or self::country or self::district or self::geogName">
                    <xsl:sequence select="fp:entry-name-link(.)"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:apply-templates select="." mode="m:html">
                      <xsl:with-param name="root" select="'../'" tunnel="yes"/>
                    </xsl:apply-templates>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </xsl:when>
            <xsl:when test="self::listBibl">
              <xsl:apply-templates select="* except bibl[@type = 'collections']" mode="m:html">
                <xsl:with-param name="root" select="'../'" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:when>
            <!-- An empty element that says it in an attribute: <sex value="male"/>. -->
            <xsl:when test="empty(node()) and normalize-space(@value) != ''">
              <xsl:value-of select="f:capitalise(normalize-space(@value))"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="if (self::note) then node() else ." mode="m:entry-part"/>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
    </dl>

    <!-- Told apart by the attributes only they have: a sender's, recipient's or place's @corresp, a note's @note. -->
    <xsl:variable name="as-correspondent" as="element(s:names)*" select="$occurrences[@corresp]"/>
    <xsl:variable name="in-text" as="element(s:names)*" select="$occurrences[not(@corresp or @note)]"/>
    <xsl:variable name="in-notes" as="element(s:names)*" select="$occurrences[@note]"/>

    <section aria-labelledby="correspondence-heading">
      <h2 id="correspondence-heading">Correspondence</h2>
      <xsl:call-template name="fp:occurrence-list">
        <xsl:with-param name="occurrences" select="$as-correspondent"/>
        <xsl:with-param name="empty" select="'Not named as sender, recipient or place of a document.'"/>
      </xsl:call-template>
    </section>
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">Named in the text</h2>
      <xsl:call-template name="fp:occurrence-list">
        <xsl:with-param name="occurrences" select="$in-text"/>
        <xsl:with-param name="empty" select="'Not named in the text of any document.'"/>
      </xsl:call-template>
    </section>
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">Named in the notes</h2>
      <xsl:call-template name="fp:occurrence-list">
        <xsl:with-param name="occurrences" select="$in-notes"/>
        <xsl:with-param name="empty" select="'Not named in any note.'"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- The page title of every document, by output base name (the first of a name wins). -->
  <xsl:variable name="fp:document-titles" as="map(xs:string, xs:string)"
    select="map:merge(for $d in $fp:summaries return map:entry(string($d/@file), f:summary-page-title($d)),
                      map { 'duplicates': 'use-first' })"/>

  <!-- One list item per document (per note for notes), with links into the document pages. -->
  <xsl:template name="fp:occurrence-list" as="node()*">
    <xsl:param name="occurrences" as="element(s:names)*" required="yes"/>
    <xsl:param name="empty" as="xs:string" required="yes"/>
    <xsl:choose>
      <xsl:when test="empty($occurrences)">
        <p class="none"><xsl:value-of select="$empty"/></p>
      </xsl:when>
      <xsl:otherwise>
        <ul class="occurrences">
          <xsl:for-each-group select="$occurrences" group-by="concat(@doc, '#', @note)">
            <xsl:variable name="doc" as="xs:string" select="string(@doc)"/>
            <xsl:variable name="title" as="xs:string?" select="$fp:document-titles($doc)"/>
            <li>
              <a href="../{$doc}.html{if (normalize-space(@note) != '') then concat('#', @note) else ''}">
                <xsl:value-of select="($title, $doc)[1]"/>
                <xsl:if test="@role = 'note'">
                  <!-- A note in words (see fp:role-words), written out: there is an item for almost every note naming the entry. -->
                  <xsl:value-of select="concat(', ', if (@note-kind = 'editorial') then 'editorial note ' else 'note ', @note-n)"/>
                </xsl:if>
              </a>
              <xsl:if test="not(@role = 'note')">
                <!-- The roles in words (fp:role-words), in order of appearance, written out (there is no note here),
                     since a function call per name costs more than the rest of the item. -->
                <xsl:variable name="roles" as="xs:string*" select="current-group()/concat(
                    (map:get($fp:role-words, string(@role)), 'text')[1], if (@corresp = 'other') then ' (embedded text)' else '')"/>
                <xsl:value-of select="concat(' (', string-join(distinct-values($roles), ', '), ')')"/>
              </xsl:if>
            </li>
          </xsl:for-each-group>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== about.html ===== -->

  <xsl:template name="fp:about-content" as="node()*">
    <!--
      The header without its placeholders (mode m:without-placeholders): readers see no
      scaffolding; the build names each placeholder as a warning (src/site/unset-values.ts).
    -->
    <xsl:variable name="cleaned" as="document-node()?">
      <xsl:if test="exists($fp:edition-tei)">
        <xsl:document>
          <xsl:apply-templates select="$fp:edition-tei" mode="m:without-placeholders"/>
        </xsl:document>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="edition" as="element(TEI)?" select="$cleaned/TEI"/>
    <xsl:variable name="header" as="element(teiHeader)?" select="$edition/teiHeader"/>
    <xsl:variable name="file" as="element()?" select="$header/fileDesc"/>
    <h1>About <xsl:value-of select="$f:edition-title"/></h1>
    <xsl:for-each select="$file/titleStmt/title[not(@type = 'main')][normalize-space(.) != $f:edition-title]">
      <p class="subtitle"><xsl:apply-templates select="node()" mode="m:html"/></p>
    </xsl:for-each>

    <section aria-labelledby="about-edition">
      <h2 id="about-edition">The edition</h2>
      <dl class="metadata-list">
        <xsl:for-each select="$file/titleStmt/(editor | author | respStmt[* except resp])">
          <dt>
            <xsl:value-of select="if (self::respStmt) then f:capitalise(normalize-space(string-join(resp, ', ')))
                                  else if (self::author) then 'Author' else 'Editor'"/>
          </dt>
          <dd>
            <xsl:choose>
              <xsl:when test="self::respStmt">
                <xsl:sequence select="fp:join-nodes(for $n in (* except resp) return fp:rendered($n), ', ')"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:apply-templates select="node()" mode="m:html"/>
              </xsl:otherwise>
            </xsl:choose>
          </dd>
        </xsl:for-each>
        <xsl:if test="$f:version != ''">
          <dt>Version</dt>
          <dd><xsl:value-of select="$f:version"/></dd>
        </xsl:if>
        <xsl:for-each select="$file/publicationStmt/(publisher | distributor | authority | pubPlace | date)">
          <dt><xsl:value-of select="f:capitalise(local-name())"/></dt>
          <dd><xsl:apply-templates select="node()" mode="m:html"/></dd>
        </xsl:for-each>
        <dt>Licence</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$f:licence-url != ''">
              <a href="{$f:licence-url}" rel="license"><xsl:value-of select="$f:licence-name"/></a>
            </xsl:when>
            <xsl:when test="$f:licence-name != ''">
              <xsl:value-of select="$f:licence-name"/>
            </xsl:when>
            <xsl:otherwise>
              <span class="unknown">not stated</span>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
        <xsl:for-each select="$file/publicationStmt/availability/*[not(self::licence)]">
          <dt>Availability</dt>
          <dd><xsl:apply-templates select="node()" mode="m:html"/></dd>
        </xsl:for-each>
      </dl>
    </section>

    <!-- The edition document's own text: each division a section, its head an h2. -->
    <xsl:for-each select="$edition/text/body/div[head]">
      <section class="edition-text">
        <xsl:apply-templates select="." mode="m:html">
          <xsl:with-param name="heading-offset" select="1" tunnel="yes"/>
        </xsl:apply-templates>
      </section>
    </xsl:for-each>
    <xsl:if test="exists($edition/text/body/node()[not(self::div[head])][normalize-space(.) != ''])">
      <section class="edition-text">
        <xsl:apply-templates select="$edition/text/body/node()[not(self::div[head])]" mode="m:html">
          <xsl:with-param name="heading-offset" select="2" tunnel="yes"/>
        </xsl:apply-templates>
      </section>
    </xsl:if>

    <xsl:for-each select="$header/encodingDesc/projectDesc">
      <section aria-labelledby="about-project" class="project">
        <h2 id="about-project">The project</h2>
        <xsl:apply-templates select="node()" mode="m:html"/>
      </section>
    </xsl:for-each>
    <xsl:variable name="principles" as="element()*" select="$header/encodingDesc/(editorialDecl | samplingDecl)"/>
    <xsl:if test="exists($principles)">
      <section aria-labelledby="about-principles" class="principles">
        <h2 id="about-principles">Editorial principles</h2>
        <xsl:for-each select="$principles">
          <xsl:apply-templates select="node()" mode="m:html"/>
        </xsl:for-each>
      </section>
    </xsl:if>

    <xsl:if test="exists($file/sourceDesc/*)">
      <section aria-labelledby="about-source">
        <h2 id="about-source">Source</h2>
        <xsl:apply-templates select="$file/sourceDesc/node()" mode="m:html"/>
      </section>
    </xsl:if>

    <xsl:variable name="languages" as="element()*" select="$header/profileDesc/langUsage/language"/>
    <xsl:if test="exists($languages) or exists($file/notesStmt) or exists($file/sourceDesc//note[@type = 'translation'])">
      <section aria-labelledby="about-translation">
        <h2 id="about-translation">Languages and translation</h2>
        <xsl:if test="exists($languages)">
          <ul>
            <xsl:for-each select="$languages">
              <li>
                <xsl:apply-templates select="node()" mode="m:html"/>
                <xsl:if test="normalize-space(@ident) != ''">
                  <xsl:value-of select="concat(' (', normalize-space(@ident), ')')"/>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:for-each select="$file/sourceDesc//note[@type = 'translation']">
          <p><xsl:apply-templates select="node()" mode="m:html"/></p>
        </xsl:for-each>
        <xsl:apply-templates select="$file/notesStmt/node()" mode="m:html"/>
      </section>
    </xsl:if>

    <xsl:variable name="changes" as="element()*" select="$header/revisionDesc//change"/>
    <xsl:if test="exists($changes)">
      <section aria-labelledby="about-revisions">
        <h2 id="about-revisions">Revision history</h2>
        <ul class="revisions">
          <xsl:for-each select="$changes">
            <li>
              <xsl:variable name="label" as="xs:string*"
                select="(normalize-space(@n)[. != ''], if (normalize-space(@when) != '') then f:iso-label(normalize-space(@when)) else ())"/>
              <xsl:if test="exists($label)">
                <strong><xsl:value-of select="string-join($label, ', ')"/></strong>
                <xsl:text>: </xsl:text>
              </xsl:if>
              <xsl:apply-templates select="node()" mode="m:html"/>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!--
    The edition header without what is not set yet: an element marked as a placeholder
    (@type, @reason or @status 'placeholder') is left out; in a text node the words from
    PLACEHOLDER to the end of its sentence ('[PLACEHOLDER: …]' to its bracket) are left
    out, and the rest stays; an element that held such words and has no letter or digit
    left outside its heading (a paragraph that was all placeholder, a division left with
    its head alone: "How to cite" and nothing under it) is left out with its heading.
  -->
  <xsl:mode name="m:without-placeholders" on-no-match="shallow-copy"/>

  <xsl:template match="*[(@type, @reason, @status) = 'placeholder']" mode="m:without-placeholders" priority="2"/>

  <xsl:template match="*[.//text()[contains(., 'PLACEHOLDER')]]" mode="m:without-placeholders" priority="1">
    <xsl:variable name="content" as="node()*">
      <xsl:apply-templates select="node()" mode="m:without-placeholders"/>
    </xsl:variable>
    <xsl:if test="matches(string-join($content[not(self::head)], ''), '[\p{L}\p{N}]')">
      <xsl:copy>
        <xsl:copy-of select="@*"/>
        <xsl:sequence select="$content"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <xsl:template match="text()[contains(., 'PLACEHOLDER')]" mode="m:without-placeholders">
    <xsl:value-of select="replace(., '\s*(\[PLACEHOLDER[^\]]*\]|PLACEHOLDER[^.]*(\([^)]*\))?\.?)', '')"/>
  </xsl:template>

  <!-- An element rendered in m:html (for use inside expressions). -->
  <xsl:function name="fp:rendered" as="node()*">
    <xsl:param name="e" as="element()"/>
    <xsl:apply-templates select="$e" mode="m:html"/>
  </xsl:function>

</xsl:stylesheet>
