<?xml version="1.0" encoding="UTF-8"?>
<!--
  schema/reference.xsl: the encoding reference for editors (fp:schema-page,
  with html/page.xsl's frame), as schema.xsl describes. Included by
  schema.xsl and build.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
  xmlns:rng="http://relaxng.org/ns/structure/1.0"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://relaxng.org/ns/structure/1.0"
  exclude-result-prefixes="#all">

  <!-- What a pattern allows, collected from its content through refs (never into another element). -->
  <xsl:mode name="m:schema-reach" on-no-match="shallow-skip"/>
  <!-- The values (or data types) an attribute's content allows. -->
  <xsl:mode name="m:schema-values" on-no-match="shallow-skip"/>

  <xsl:key name="fp:define" match="define" use="@name"/>

  <!--
    Global variables spell the RelaxNG namespace out (rng:): compiled into
    build.xsl with the other stylesheets (imported then), xslt3 2.7 gave their paths the TEI
    namespace of the other modules' xpath-default-namespace, and the
    reference listed no element at all.
  -->
  <xsl:variable name="fp:grammar" as="element()?" select="/rng:grammar"/>

  <!-- Every element declaration, one per name, sorted. -->
  <xsl:variable name="fp:elements" as="element(element)*">
    <xsl:for-each-group select="//rng:element[@name]" group-by="string(@name)">
      <xsl:sort select="lower-case(@name)"/>
      <xsl:sort select="string(@name)"/>
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:variable>

  <!-- What each element allows: fp:attr, fp:child and fp:text items, by element name. -->
  <xsl:variable name="fp:allowed" as="map(xs:string, element(fp:allows))">
    <xsl:map>
      <xsl:for-each select="$fp:elements">
        <xsl:map-entry key="string(@name)">
          <fp:allows>
            <xsl:apply-templates select="*" mode="m:schema-reach">
              <xsl:with-param name="visited" select="()" tunnel="yes"/>
              <xsl:with-param name="owner" select="string(@name)" tunnel="yes"/>
              <xsl:with-param name="optional" select="false()"/>
            </xsl:apply-templates>
          </fp:allows>
        </xsl:map-entry>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <!-- Attribute classes (defines named edition.att.*), each with every attribute it gives. -->
  <xsl:variable name="fp:classes" as="map(xs:string, element(fp:allows))">
    <xsl:map>
      <xsl:for-each-group select="/rng:grammar/rng:define[starts-with(@name, 'edition.att.')]" group-by="string(@name)">
        <xsl:map-entry key="current-grouping-key()">
          <fp:allows>
            <xsl:apply-templates select="current-group()/(* except a:documentation)" mode="m:schema-reach">
              <xsl:with-param name="visited" select="current-grouping-key()" tunnel="yes"/>
              <xsl:with-param name="owner" select="current-grouping-key()" tunnel="yes"/>
              <xsl:with-param name="in-class" select="true()" tunnel="yes"/>
              <xsl:with-param name="optional" select="false()"/>
            </xsl:apply-templates>
          </fp:allows>
        </xsl:map-entry>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!-- Every attribute of an element: its own and those of its classes. -->
  <xsl:function name="fp:element-attributes" as="element(fp:attr)*">
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="allows" as="element(fp:allows)" select="$fp:allowed($name)"/>
    <xsl:sequence select="$allows/fp:attr, for $c in distinct-values($allows/fp:class/@name) return $fp:classes($c)/fp:attr"/>
  </xsl:function>

  <!-- The page of the encoding reference; the context item is the grammar. -->
  <xsl:template name="fp:schema-page" as="element()">
    <xsl:call-template name="fp:page">
      <xsl:with-param name="title" select="concat('Encoding reference — ', $f:edition-title)"/>
      <xsl:with-param name="current" select="'schema'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:call-template name="fp:schema-content"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="fp:schema-content" as="node()*">
    <!-- Every attribute on every element, as fp:use name/on pairs. -->
    <xsl:variable name="attributes" as="element(fp:use)*">
      <xsl:for-each select="$fp:elements">
        <xsl:variable name="owner" as="xs:string" select="string(@name)"/>
        <xsl:for-each select="fp:element-attributes($owner)">
          <fp:use name="{@name}" on="{$owner}"><xsl:value-of select="fp:doc"/></fp:use>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="types" as="element(define)*"
      select="/grammar/define[starts-with(@name, 'edition.data.')]"/>
    <h1>Encoding reference</h1>
    <p class="subtitle">The elements and attributes the edition's schema allows, and what each is for</p>
    <xsl:for-each select="/grammar/a:documentation">
      <p><xsl:value-of select="normalize-space(.)"/></p>
    </xsl:for-each>
    <p class="schema-meta">
      <xsl:value-of select="concat(count($fp:elements), ' elements, ', count(distinct-values($attributes/@name)),
                                   ' attributes. Generated from the schema''s own documentation (schema/edition.rng); docs/encoding.md explains the practice.')"/>
    </p>

    <nav aria-labelledby="schema-toc-heading">
      <h2 id="schema-toc-heading">Elements</h2>
      <ul class="schema-toc">
        <xsl:for-each select="$fp:elements">
          <li><a href="#el-{f:safe-name(@name)}"><code><xsl:value-of select="@name"/></code></a></li>
        </xsl:for-each>
      </ul>
      <p><a href="#attribute-index">Attribute index</a> · <a href="#data-types">Data types</a></p>
    </nav>

    <section aria-labelledby="schema-elements-heading">
      <h2 id="schema-elements-heading">The elements</h2>
      <xsl:for-each select="$fp:elements">
        <xsl:call-template name="fp:element-entry">
          <xsl:with-param name="element" select="."/>
        </xsl:call-template>
      </xsl:for-each>
    </section>

    <section aria-labelledby="attribute-index">
      <h2 id="attribute-index">Attribute index</h2>
      <dl class="schema-attributes">
        <xsl:for-each-group select="$attributes" group-by="string(@name)">
          <xsl:sort select="lower-case(replace(@name, '^xml:', ''))"/>
          <dt id="att-{f:safe-name(replace(current-grouping-key(), ':', '-'))}">@<xsl:value-of select="current-grouping-key()"/></dt>
          <dd>
            <xsl:value-of select="(current-group()[normalize-space(.) != ''])[1]"/>
            <xsl:text> On: </xsl:text>
            <xsl:for-each select="distinct-values(current-group()/@on)">
              <xsl:sort select="lower-case(.)"/>
              <xsl:if test="position() gt 1">, </xsl:if>
              <a href="#el-{f:safe-name(.)}"><code><xsl:value-of select="."/></code></a>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </dd>
        </xsl:for-each-group>
      </dl>
    </section>

    <section aria-labelledby="attribute-classes">
      <h2 id="attribute-classes">Attribute classes</h2>
      <p>Attributes that many elements share; each element's entry names the classes it has.</p>
      <xsl:for-each select="/grammar/define[starts-with(@name, 'edition.att.')]">
        <xsl:variable name="class" as="xs:string" select="string(@name)"/>
        <section class="schema-entry" aria-labelledby="class-{f:safe-name($class)}">
          <h3 id="class-{f:safe-name($class)}"><xsl:value-of select="$class"/></h3>
          <p><xsl:value-of select="normalize-space(a:documentation[1])"/></p>
          <xsl:call-template name="fp:attribute-list">
            <xsl:with-param name="attrs" select="$fp:classes($class)/fp:attr"/>
          </xsl:call-template>
        </section>
      </xsl:for-each>
    </section>

    <xsl:if test="exists($types)">
      <section aria-labelledby="data-types">
        <h2 id="data-types">Data types</h2>
        <dl class="schema-attributes">
          <xsl:for-each select="$types">
            <dt id="type-{f:safe-name(@name)}"><xsl:value-of select="@name"/></dt>
            <dd>
              <xsl:value-of select="normalize-space(a:documentation[1])"/>
              <xsl:variable name="values" as="xs:string*" select="distinct-values(.//value/normalize-space(.))"/>
              <xsl:if test="exists($values)">
                <xsl:text> Values: </xsl:text>
                <span class="schema-values"><xsl:value-of select="string-join($values, ', ')"/></span>
                <xsl:text>.</xsl:text>
              </xsl:if>
            </dd>
          </xsl:for-each>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One element: its documentation, attributes, content and parents. -->
  <xsl:template name="fp:element-entry" as="element()">
    <xsl:param name="element" as="element(element)" required="yes"/>
    <xsl:variable name="name" as="xs:string" select="string($element/@name)"/>
    <xsl:variable name="allows" as="element(fp:allows)" select="$fp:allowed($name)"/>
    <xsl:variable name="children" as="xs:string*" select="distinct-values($allows/fp:child/@name)"/>
    <xsl:variable name="parents" as="xs:string*"
      select="for $e in $fp:elements return (if ($fp:allowed(string($e/@name))/fp:child/@name = $name) then string($e/@name) else ())"/>
    <xsl:variable name="doc" as="xs:string"
      select="normalize-space(($element/a:documentation, $element/parent::define/a:documentation)[normalize-space(.) != ''][1])"/>
    <section class="schema-entry" aria-labelledby="el-{f:safe-name($name)}">
      <h3 id="el-{f:safe-name($name)}">
        <xsl:value-of select="concat('&lt;', $name, '&gt;')"/>
      </h3>
      <p>
        <xsl:value-of select="if ($doc != '') then $doc else 'Not documented in the schema.'"/>
      </p>
      <xsl:variable name="attrs" as="element(fp:attr)*" select="$allows/fp:attr"/>
      <xsl:variable name="classes" as="xs:string*" select="distinct-values($allows/fp:class/@name)"/>
      <xsl:choose>
        <xsl:when test="exists($attrs)">
          <h4>Attributes</h4>
          <xsl:call-template name="fp:attribute-list">
            <xsl:with-param name="attrs" select="$attrs"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="empty($classes)">
          <p class="schema-meta">No attributes.</p>
        </xsl:when>
      </xsl:choose>
      <xsl:for-each select="$classes">
        <p class="schema-meta">
          <strong><xsl:value-of select="if (exists($attrs) or position() gt 1) then 'And the attributes of ' else 'Attributes: those of '"/></strong>
          <a href="#class-{f:safe-name(.)}"><xsl:value-of select="."/></a>
          <xsl:value-of select="concat(' (', string-join(for $a in distinct-values($fp:classes(current())/fp:attr/@name) return concat('@', $a), ', '), ').')"/>
        </p>
      </xsl:for-each>
      <p class="schema-meta">
        <strong>Contains: </strong>
        <xsl:choose>
          <xsl:when test="empty($children) and empty($allows/fp:text)">nothing (an empty element).</xsl:when>
          <xsl:otherwise>
            <xsl:if test="exists($allows/fp:text)">text<xsl:if test="exists($children)">, </xsl:if></xsl:if>
            <xsl:for-each select="$children">
              <xsl:sort select="lower-case(.)"/>
              <xsl:if test="position() gt 1">, </xsl:if>
              <a href="#el-{f:safe-name(.)}"><code><xsl:value-of select="."/></code></a>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </p>
      <p class="schema-meta">
        <strong>May stand in: </strong>
        <xsl:choose>
          <xsl:when test="empty($parents)">
            <xsl:value-of select="if ($name = 'TEI') then 'nothing: the root of every file.' else 'no other element.'"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="$parents">
              <xsl:if test="position() gt 1">, </xsl:if>
              <a href="#el-{f:safe-name(.)}"><code><xsl:value-of select="."/></code></a>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </section>
  </xsl:template>

  <!-- Attributes, required first, each with what it is for and its values or type. -->
  <xsl:template name="fp:attribute-list" as="element()">
    <xsl:param name="attrs" as="element(fp:attr)*" required="yes"/>
          <dl class="schema-attributes">
            <xsl:for-each-group select="$attrs" group-by="string(@name)">
              <xsl:sort select="if (@optional = 'false') then 0 else 1"/>
              <xsl:sort select="lower-case(replace(@name, '^xml:', ''))"/>
              <xsl:variable name="attr" as="element(fp:attr)" select="current-group()[1]"/>
              <dt>
                <xsl:value-of select="concat('@', current-grouping-key())"/>
                <xsl:text> </xsl:text>
                <span class="schema-meta">
                  <xsl:value-of select="if (every $a in current-group() satisfies $a/@optional = 'true') then '(optional)' else '(required)'"/>
                </span>
              </dt>
              <dd>
                <xsl:value-of select="if (normalize-space($attr/fp:doc) != '') then normalize-space($attr/fp:doc) else 'Not documented in the schema.'"/>
                <xsl:choose>
                  <xsl:when test="exists($attr/fp:value)">
                    <xsl:text> Values: </xsl:text>
                    <span class="schema-values"><xsl:value-of select="string-join(distinct-values($attr/fp:value), ', ')"/></span>
                    <xsl:text>.</xsl:text>
                  </xsl:when>
                  <xsl:when test="exists($attr/fp:type)">
                    <xsl:text> Type: </xsl:text>
                    <xsl:for-each select="$attr/fp:type">
                      <xsl:if test="position() gt 1">, </xsl:if>
                      <xsl:choose>
                        <xsl:when test="starts-with(@name, 'edition.data.') and exists(key('fp:define', @name, $fp:grammar/root()))">
                          <a href="#type-{f:safe-name(@name)}"><xsl:value-of select="@name"/></a>
                        </xsl:when>
                        <xsl:otherwise>
                          <xsl:value-of select="@name"/>
                        </xsl:otherwise>
                      </xsl:choose>
                    </xsl:for-each>
                    <xsl:text>.</xsl:text>
                  </xsl:when>
                </xsl:choose>
              </dd>
            </xsl:for-each-group>
          </dl>
  </xsl:template>

  <!-- ===== What a pattern allows (m:schema-reach) ===== -->

  <!-- Another element: a possible child; its content is its own. -->
  <xsl:template match="element" mode="m:schema-reach" as="element()*">
    <xsl:if test="@name">
      <fp:child name="{@name}"/>
    </xsl:if>
  </xsl:template>

  <!-- An attribute, directly on the element or reached through a define: reported for the element described ($owner). -->
  <xsl:template match="attribute" mode="m:schema-reach" as="element()*">
    <xsl:param name="optional" as="xs:boolean" select="false()"/>
    <xsl:param name="owner" as="xs:string" tunnel="yes" select="''"/>
    <fp:attr name="{if (@name) then @name else 'any attribute'}" optional="{$optional}" on="{$owner}">
      <fp:doc><xsl:value-of select="normalize-space(a:documentation[1])"/></fp:doc>
      <xsl:apply-templates select="* except a:documentation" mode="m:schema-values">
        <xsl:with-param name="visited" select="()" tunnel="yes"/>
      </xsl:apply-templates>
    </fp:attr>
  </xsl:template>

  <xsl:template match="optional | zeroOrMore | choice" mode="m:schema-reach" as="element()*">
    <xsl:apply-templates select="*" mode="m:schema-reach">
      <xsl:with-param name="optional" select="true()"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="oneOrMore | group | interleave | mixed | list" mode="m:schema-reach" as="element()*">
    <xsl:param name="optional" as="xs:boolean" select="false()"/>
    <xsl:if test="self::mixed">
      <fp:text/>
    </xsl:if>
    <xsl:apply-templates select="*" mode="m:schema-reach">
      <xsl:with-param name="optional" select="$optional"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="text | data | value" mode="m:schema-reach" as="element()*">
    <fp:text/>
  </xsl:template>

  <xsl:template match="ref | parentRef" mode="m:schema-reach" as="element()*">
    <xsl:param name="optional" as="xs:boolean" select="false()"/>
    <xsl:param name="visited" as="xs:string*" tunnel="yes" select="()"/>
    <xsl:param name="in-class" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="defines" as="element(define)*" select="key('fp:define', @name)"/>
    <xsl:choose>
      <xsl:when test="starts-with(@name, 'edition.att.') and not($in-class) and exists($defines)">
        <fp:class name="{@name}"/>
      </xsl:when>
      <xsl:when test="exists($defines/element)">
        <xsl:for-each select="$defines/element[@name]">
          <fp:child name="{@name}"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="@name = $visited"/>
      <xsl:otherwise>
        <xsl:apply-templates select="$defines/(* except a:documentation)" mode="m:schema-reach">
          <xsl:with-param name="optional" select="$optional"/>
          <xsl:with-param name="visited" select="($visited, string(@name))" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:documentation" mode="m:schema-reach" as="empty-sequence()"/>

  <!-- ===== An attribute's values (m:schema-values) ===== -->

  <xsl:template match="value" mode="m:schema-values" as="element()*">
    <fp:value><xsl:value-of select="normalize-space(.)"/></fp:value>
  </xsl:template>

  <xsl:template match="data" mode="m:schema-values" as="element()*">
    <fp:type name="{@type}"/>
  </xsl:template>

  <xsl:template match="text" mode="m:schema-values" as="element()*">
    <fp:type name="text"/>
  </xsl:template>

  <xsl:template match="ref" mode="m:schema-values" as="element()*">
    <xsl:param name="visited" as="xs:string*" tunnel="yes" select="()"/>
    <xsl:variable name="defines" as="element(define)*" select="key('fp:define', @name)"/>
    <xsl:choose>
      <xsl:when test="@name = $visited"/>
      <xsl:when test="exists($defines//value)">
        <xsl:apply-templates select="$defines/(* except a:documentation)" mode="m:schema-values">
          <xsl:with-param name="visited" select="($visited, string(@name))" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <fp:type name="{@name}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:documentation" mode="m:schema-values" as="empty-sequence()"/>

</xsl:stylesheet>
