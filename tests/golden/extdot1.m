extdot1 ; QUIT with a value from inside a dot block and a FOR in an extrinsic
 write "first even >5: ",$$firsteven(5),!
 write "classify: ",$$cls(-3)," ",$$cls(0)," ",$$cls(4),!
 write "search: ",$$search("b")," ",$$search("z"),!
 quit
firsteven(n) new i
 for i=n+1:1 if i#2=0 quit
 quit i
cls(x) if x<0 quit "neg"
 if x=0 quit "zero"
 quit "pos"
search(v) new k,r set r=0
 for k="a","b","c" do  quit:r
 . if k=v set r=1
 quit:r "found "_v
 quit "none"
