fnpiece4 ; parsing records with $PIECE and $LENGTH
 set rec="Smith^John^42^NYC|Doe^Jane^37^LA|Roe^Rick^^SF"
 set n=$length(rec,"|")
 write "records=",n,!
 for i=1:1:n set r=$piece(rec,"|",i) do show(r)
 write "last names: " for i=1:1:n write $piece($piece(rec,"|",i),"^",1),$select(i<n:", ",1:"")
 write !
 quit
show(r) ;
 write $piece(r,"^",2)," ",$piece(r,"^",1)
 write " age=",$select($piece(r,"^",3)="":"?",1:$piece(r,"^",3))
 write " city=",$piece(r,"^",4),!
 quit
