patindir2	; pattern indirection whose text is itself an indirection: ?@x with x="@..."
	set ^a="1N",k="1A",i="@^a"
	write "A:",5?@i,"a"?@i,!
	set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit"
	for t="@k","@(k)","@k@(1)","@(k_"""")","@(k)_1","@(""("")","@-k","@k  x","@","@@k","@j","@k ","@""1A""","@^a","@^zz","@$c(49,78)","@k_""""" do try(t)
	quit
try(t)	new j
	set j=t
	write t," -> ",$select(5?@j:"5",1:"")
	write $select("a"?@j:"a",1:""),!
	quit
