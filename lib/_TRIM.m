%TRIM ; minim library: trim characters from the ends of a string
 ; $$FUNC^%TRIM(s,ch) both ends, $$L^%TRIM(s,ch) the start, $$R^%TRIM(s,ch) the end.
 ; ch is a set of characters; when absent or empty it is space and tab.
 quit
FUNC(s,ch) quit $$R($$L(s,$get(ch)),$get(ch))
L(s,ch) new i
 set:$get(ch)="" ch=" "_$char(9)
 for i=1:1:$length(s)+1 quit:ch'[$extract(s,i)
 quit $extract(s,i,$length(s))
R(s,ch) new i
 set:$get(ch)="" ch=" "_$char(9)
 for i=$length(s):-1:0 quit:i=0  quit:ch'[$extract(s,i)
 quit $extract(s,1,i)
