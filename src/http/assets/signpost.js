// placeholder: the <signpost-warning> web component is written next
